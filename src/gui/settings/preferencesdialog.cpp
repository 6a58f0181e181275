// SPDX-License-Identifier: GPL-3.0-or-later
#include "preferencesdialog.h"

#include "languagechoice.h"
#include "optionranges.h"
#include "pythonlauncher.h"
#include "settings.h"
#include "ui_preferencesdialog.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QPushButton>
#include <QStandardPaths>

namespace Forkline {

namespace {
// A box holds exactly what the command line and the settings file accept.
void limitTo(QDoubleSpinBox* box, const OptionRange& range)
{
    box->setDecimals(range.decimals);
    box->setRange(range.boxMinimum(), range.high);
}
} // namespace

PreferencesDialog::PreferencesDialog(Settings* settings, QWidget* parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_ui(std::make_unique<Ui::PreferencesDialog>())
{
    m_ui->setupUi(this);
    limitTo(m_ui->timeScale, OptionRanges::timeScale);
    limitTo(m_ui->workScale, OptionRanges::workScale);
    const QList<LanguageChoice> languages = LanguageChoice::all();
    for (const LanguageChoice& language : languages)
        m_ui->language->addItem(language.name, language.code);
    m_ui->pythonInterpreter->setPlaceholderText(
        tr("%1 (default)").arg(PythonLauncher::defaultInterpreter().join(QLatin1Char(' '))));

    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
        &PreferencesDialog::restoreDefaults);
    connect(m_ui->browsePython, &QPushButton::clicked, this, &PreferencesDialog::browsePython);
    connect(m_ui->pythonInterpreter, &QLineEdit::textChanged, this, &PreferencesDialog::updatePythonNote);
    load();
}

PreferencesDialog::~PreferencesDialog() = default;

void PreferencesDialog::load()
{
    m_ui->pythonInterpreter->setText(m_settings->pythonInterpreter());
    m_ui->timeScale->setValue(m_settings->timeScale());
    m_ui->workScale->setValue(m_settings->workScale());
    m_ui->language->setCurrentIndex(std::max(0, m_ui->language->findData(m_settings->language())));
    m_ui->presentation->setChecked(m_settings->presentationMode());
    updatePythonNote();
}

void PreferencesDialog::restoreDefaults()
{
    m_ui->pythonInterpreter->clear();
    m_ui->timeScale->setValue(OptionRanges::timeScale.defaultValue);
    m_ui->workScale->setValue(OptionRanges::workScale.defaultValue);
    m_ui->language->setCurrentIndex(m_ui->language->findData(QString()));
    m_ui->presentation->setChecked(false);
}

QString PreferencesDialog::language() const
{
    return m_ui->language->currentData().toString();
}

void PreferencesDialog::apply()
{
    m_settings->setPythonInterpreter(m_ui->pythonInterpreter->text());
    m_settings->setTimeScale(m_ui->timeScale->value());
    m_settings->setWorkScale(m_ui->workScale->value());
    m_settings->setLanguage(language());
    m_settings->setPresentationMode(m_ui->presentation->isChecked());
}

void PreferencesDialog::accept()
{
    apply();
    QDialog::accept();
}

void PreferencesDialog::browsePython()
{
    const QString current = m_ui->pythonInterpreter->text().trimmed();
    const QString found = current.isEmpty() ? QString() : QStandardPaths::findExecutable(current);
    const QString start = found.isEmpty() ? QFileInfo(current).path() : QFileInfo(found).path();
    const QString file = QFileDialog::getOpenFileName(this, tr("Python Interpreter"), start);
    if (!file.isEmpty())
        m_ui->pythonInterpreter->setText(QDir::toNativeSeparators(file));
}

void PreferencesDialog::updatePythonNote()
{
    // Said, not refused: the interpreter may be installed before the next run.
    const QString text = m_ui->pythonInterpreter->text().trimmed();
    const bool path = QFileInfo(text).fileName() != text; // else a name looked up on PATH
    const bool missing
        = !text.isEmpty() && (path ? !QFileInfo(text).isExecutable() : QStandardPaths::findExecutable(text).isEmpty());
    m_ui->pythonNote->setText(
        missing ? tr("No program \"%1\" was found; a Python run will say so.").arg(text) : QString());
    m_ui->pythonNote->setVisible(missing);
}

} // namespace Forkline
