<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Forkline</name>
    <message>
        <source>&quot;n&quot; takes a whole number from 1 to %1</source>
        <translation>&quot;n&quot; 값은 1에서 %1 사이의 정수여야 합니다</translation>
    </message>
    <message>
        <source>a notify step</source>
        <translation>notify 단계</translation>
    </message>
    <message>
        <source>a wait step</source>
        <translation>wait 단계</translation>
    </message>
    <message>
        <source>&quot;spin&quot; takes &quot;forever&quot; (while True: pass, until terminated)</source>
        <translation>&quot;spin&quot; 값은 &quot;forever&quot;입니다(while True: pass, 종료될 때까지)</translation>
    </message>
    <message>
        <source>a spin step</source>
        <translation>spin 단계</translation>
    </message>
    <message>
        <source>&quot;semaphores&quot; maps names to their values, e.g. {&quot;pool&quot;: 2}</source>
        <translation>&quot;semaphores&quot;는 이름과 값을 짝짓습니다. 예: {&quot;pool&quot;: 2}</translation>
    </message>
    <message>
        <source>semaphore &quot;%1&quot; takes a whole number from 0</source>
        <translation>세마포어 &quot;%1&quot;의 값은 0 이상의 정수여야 합니다</translation>
    </message>
    <message>
        <source>&quot;rlocks&quot; lists the names of reentrant locks</source>
        <translation>&quot;rlocks&quot;에는 재진입 락의 이름을 나열합니다</translation>
    </message>
    <message>
        <source>an rlock is a name that is not a semaphore&apos;s</source>
        <translation>rlock은 세마포어가 아닌 이름이어야 합니다</translation>
    </message>
    <message>
        <source>&quot;conditions&quot; maps names to the lock each uses, e.g. {&quot;cv&quot;: &quot;lock&quot;}</source>
        <translation>&quot;conditions&quot;는 이름과 각자 쓰는 락을 짝짓습니다. 예: {&quot;cv&quot;: &quot;lock&quot;}</translation>
    </message>
    <message>
        <source>condition &quot;%1&quot; takes the name of a lock or rlock</source>
        <translation>조건 변수 &quot;%1&quot;에는 lock 또는 rlock의 이름을 적습니다</translation>
    </message>
    <message>
        <source>Usage:
  forkline                              open the app
  forkline list                         list the built-in scenarios (name&lt;TAB&gt;title)
  forkline run SCENARIO [options]       run a scenario headless (built-in name or .json file)
      --time-scale F        multiply every sleep by F (default 1)
      --work-scale F        multiply every compute size by F (default 1)
      --gil on|off          override the scenario&apos;s GIL setting
      --switch-interval S   GIL switch interval in seconds (default 0.005)
      --daemon NAME=on|off  override a worker&apos;s daemon flag (NAME=all for every worker)
      --trace FILE.json     write a Chrome Trace Event file (opens in Perfetto)
      --png FILE.png        draw the timeline to a PNG
      --svg FILE.svg        draw the timeline to an SVG
      --csv FILE.csv        write one row per span
      --width PX            width of a drawn timeline (default: fits the run)
      --scale F             pixel ratio of a PNG (default 2)
  forkline render TRACE.json [options] draw or re-export a Chrome trace without running anything
      --png, --svg, --trace, --csv, --width, --scale   as for run
  forkline compare SCENARIO [options]   run the scenario&apos;s variants with the GIL on and off
      --work-scale F        multiply every compute size by F (default 1)
      --chart FILE.png      draw the speedups as a bar chart
      --json FILE.json      write the table as JSON
  forkline --help | --version

Exit codes: 0 done; 2 bad input; 1 a failure while running; 130 interrupted (Ctrl+C), 143 SIGTERM, 129 SIGHUP.
</source>
        <translation>사용법:
  forkline                              앱을 엽니다
  forkline list                         내장 시나리오 목록을 보여 줍니다 (이름&lt;TAB&gt;제목)
  forkline run SCENARIO [options]       창 없이 시나리오를 실행합니다 (내장 시나리오 이름 또는 .json 파일)
      --time-scale F        모든 sleep 시간에 F를 곱합니다 (기본값 1)
      --work-scale F        모든 compute 계산량에 F를 곱합니다 (기본값 1)
      --gil on|off          시나리오의 GIL 설정 대신 이 값을 씁니다
      --switch-interval S   GIL 전환 간격, 초 단위 (기본값 0.005)
      --daemon NAME=on|off  워커의 데몬 설정 대신 이 값을 씁니다 (NAME=all이면 모든 워커)
      --trace FILE.json     Chrome Trace Event 파일을 씁니다 (Perfetto에서 열 수 있음)
      --png FILE.png        타임라인을 PNG로 그립니다
      --svg FILE.svg        타임라인을 SVG로 그립니다
      --csv FILE.csv        구간마다 한 행씩 씁니다
      --width PX            그릴 타임라인의 너비 (기본값: 실행 길이에 맞춤)
      --scale F             PNG의 픽셀 배율 (기본값 2)
  forkline render TRACE.json [options] 아무것도 실행하지 않고 Chrome 트레이스를 그리거나 다시 내보냅니다
      --png, --svg, --trace, --csv, --width, --scale   run과 같음
  forkline compare SCENARIO [options]   시나리오의 변형들을 GIL을 켜고, 또 끄고 실행합니다
      --work-scale F        모든 compute 계산량에 F를 곱합니다 (기본값 1)
      --chart FILE.png      속도 향상을 막대 차트로 그립니다
      --json FILE.json      표를 JSON으로 씁니다
  forkline --help | --version

종료 코드: 0 완료, 2 잘못된 입력, 1 실행 중 실패, 130 중단됨(Ctrl+C), 143 SIGTERM, 129 SIGHUP.
</translation>
    </message>
    <message>
        <source>--gil takes on or off</source>
        <translation>--gil 값은 on 또는 off여야 합니다</translation>
    </message>
    <message>
        <source>--daemon takes NAME=on or NAME=off, not &quot;%1&quot;</source>
        <translation>--daemon 값은 NAME=on 또는 NAME=off여야 합니다 (받은 값: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>one scenario at a time (got &quot;%1&quot; and &quot;%2&quot;)</source>
        <translation>시나리오는 한 번에 하나만 실행할 수 있습니다 (받은 값: &quot;%1&quot;, &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>run needs a scenario: a built-in name (see forkline list) or a .json file</source>
        <translation>run에는 시나리오가 필요합니다: 내장 시나리오 이름(forkline list 참고)이나 .json 파일</translation>
    </message>
    <message>
        <source>this scenario asks for input, but standard input is closed; pipe the answers in, e.g. echo word | forkline run %1</source>
        <translation>이 시나리오는 입력을 받는데 표준 입력이 닫혀 있습니다. 답을 파이프로 넣어 주세요. 예: echo word | forkline run %1</translation>
    </message>
    <message>
        <source>compare needs a scenario with variants, e.g. forkline compare gil-sum</source>
        <translation>compare에는 변형이 있는 시나리오가 필요합니다. 예: forkline compare gil-sum</translation>
    </message>
    <message>
        <source>[%1/%2] %3, GIL %4 ...</source>
        <translation>[%1/%2] %3, GIL %4 ...</translation>
    </message>
    <message>
        <source>on</source>
        <translation>켬</translation>
    </message>
    <message>
        <source>off</source>
        <translation>끔</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>one trace at a time (got &quot;%1&quot; and &quot;%2&quot;)</source>
        <translation>트레이스는 한 번에 하나만 처리할 수 있습니다 (받은 값: &quot;%1&quot;, &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>render needs a trace file: forkline render TRACE.json --png FILE.png</source>
        <translation>render에는 트레이스 파일이 필요합니다: forkline render TRACE.json --png FILE.png</translation>
    </message>
    <message>
        <source>render needs somewhere to put the result: --png, --svg, --trace or --csv</source>
        <translation>render 결과를 어디에 둘지 정해 주세요: --png, --svg, --trace, --csv 중 하나</translation>
    </message>
    <message>
        <source>Timeline drawn by Forkline</source>
        <translation>Forkline이 그린 타임라인</translation>
    </message>
    <message>
        <source>%1: pick a .png or .svg file name</source>
        <translation>%1: .png나 .svg 파일 이름을 고르세요</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>올바른 JSON이 아닙니다: %1</translation>
    </message>
    <message>
        <source>cannot open: %1</source>
        <translation>열 수 없습니다: %1</translation>
    </message>
    <message>
        <source>no built-in scenario of that name (see &apos;forkline list&apos;)</source>
        <translation>그런 이름의 내장 시나리오가 없습니다 (&apos;forkline list&apos;로 목록을 볼 수 있습니다)</translation>
    </message>
    <message>
        <source>file is larger than 64 MiB</source>
        <translation>파일이 64 MiB보다 큽니다</translation>
    </message>
    <message>
        <source>with --work-scale %1 this compute step would sum %2 numbers, more than 10^12</source>
        <translation>--work-scale %1에서는 이 compute 단계가 수를 %2개 더하게 되어 10^12개를 넘습니다</translation>
    </message>
    <message>
        <source>--daemon names an unknown worker &quot;%1&quot;</source>
        <translation>--daemon에 지정한 &quot;%1&quot; 워커가 시나리오에 없습니다</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes a name</source>
        <translation>&quot;%1&quot; 값은 이름이어야 합니다</translation>
    </message>
    <message>
        <source>missing &quot;%1&quot;</source>
        <translation>&quot;%1&quot; 항목이 없습니다</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes a variable name</source>
        <translation>&quot;%1&quot; 값은 변수 이름이어야 합니다</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes a text or a whole number</source>
        <translation>&quot;%1&quot; 값은 텍스트나 정수여야 합니다</translation>
    </message>
    <message>
        <source>&quot;compute&quot; takes &quot;sum&quot; (the sum of the whole numbers from &quot;from&quot; to &quot;to&quot;)</source>
        <translation>&quot;compute&quot; 값은 &quot;sum&quot;입니다 (&quot;from&quot;부터 &quot;to&quot;까지 정수의 합)</translation>
    </message>
    <message>
        <source>a compute step</source>
        <translation>compute 단계</translation>
    </message>
    <message>
        <source>&quot;compute&quot; needs &quot;from&quot; and &quot;to&quot; (the range [from, to) to sum)</source>
        <translation>&quot;compute&quot;에는 &quot;from&quot;과 &quot;to&quot;가 필요합니다 (더할 범위 [from, to))</translation>
    </message>
    <message>
        <source>&quot;from&quot; takes a whole number from 0 to 2^53</source>
        <translation>&quot;from&quot; 값은 0에서 2^53 사이의 정수여야 합니다</translation>
    </message>
    <message>
        <source>&quot;to&quot; takes a whole number no smaller than &quot;from&quot;</source>
        <translation>&quot;to&quot; 값은 &quot;from&quot;보다 작지 않은 정수여야 합니다</translation>
    </message>
    <message>
        <source>a compute step sums at most %1 numbers (10^12); this one asks for %2</source>
        <translation>compute 단계는 수를 최대 %1개(10^12)까지 더할 수 있는데, 이 단계는 %2개를 더하려고 합니다</translation>
    </message>
    <message>
        <source>a %1 step</source>
        <translation>%1 단계</translation>
    </message>
    <message>
        <source>a send step</source>
        <translation>send 단계</translation>
    </message>
    <message>
        <source>a recv step</source>
        <translation>recv 단계</translation>
    </message>
    <message>
        <source>&quot;timeout&quot; takes a number of seconds from 0 to a day</source>
        <translation>&quot;timeout&quot; 값은 0초에서 하루 사이의 초 단위 수여야 합니다</translation>
    </message>
    <message>
        <source>a load step</source>
        <translation>load 단계</translation>
    </message>
    <message>
        <source>a store step</source>
        <translation>store 단계</translation>
    </message>
    <message>
        <source>&quot;add&quot; takes a whole number</source>
        <translation>&quot;add&quot; 값은 정수여야 합니다</translation>
    </message>
    <message>
        <source>an add step</source>
        <translation>add 단계</translation>
    </message>
    <message>
        <source>an alloc step</source>
        <translation>alloc 단계</translation>
    </message>
    <message>
        <source>&quot;alloc&quot; needs &quot;mb&quot; (the size in MiB)</source>
        <translation>&quot;alloc&quot;에는 &quot;mb&quot;가 필요합니다 (MiB 단위 크기)</translation>
    </message>
    <message>
        <source>&quot;mb&quot; takes a whole number of MiB from 1 to %1</source>
        <translation>&quot;mb&quot; 값은 1에서 %1 사이의 정수(MiB)여야 합니다</translation>
    </message>
    <message>
        <source>unknown step &quot;%1&quot;</source>
        <translation>알 수 없는 단계 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;gil&quot; must be true or false</source>
        <translation>&quot;gil&quot; 값은 true 또는 false여야 합니다</translation>
    </message>
    <message>
        <source>&quot;shared&quot; maps names to whole numbers, e.g. {&quot;counter&quot;: 0}</source>
        <translation>&quot;shared&quot;에는 이름과 정수를 짝지어 씁니다. 예: {&quot;counter&quot;: 0}</translation>
    </message>
    <message>
        <source>shared value &quot;%1&quot; appears twice</source>
        <translation>공유 값 &quot;%1&quot;이 두 번 선언되었습니다</translation>
    </message>
    <message>
        <source>shared value &quot;%1&quot; must be a whole number</source>
        <translation>공유 값 &quot;%1&quot;의 값은 정수여야 합니다</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not declared in &quot;shared&quot;</source>
        <translation>&quot;shared&quot;에 선언되지 않은 이름입니다: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;compare&quot; lists the variants to compare</source>
        <translation>&quot;compare&quot;에는 비교할 변형의 목록을 씁니다</translation>
    </message>
    <message>
        <source>a variant is an object with name, scenario, kind and workers</source>
        <translation>변형은 name, scenario, kind, workers가 있는 객체입니다</translation>
    </message>
    <message>
        <source>a variant</source>
        <translation>변형</translation>
    </message>
    <message>
        <source>&quot;kind&quot; is &quot;thread&quot; or &quot;process&quot;</source>
        <translation>&quot;kind&quot; 값은 &quot;thread&quot; 또는 &quot;process&quot;입니다</translation>
    </message>
    <message>
        <source>&quot;workers&quot; takes a whole number from 1 to %1</source>
        <translation>&quot;workers&quot; 값은 1에서 %1 사이의 정수여야 합니다</translation>
    </message>
    <message>
        <source>Opening %1 was canceled.</source>
        <translation>%1 열기를 취소했습니다.</translation>
    </message>
    <message>
        <source>Cannot open %1: this build of Forkline has no simdjson parser.</source>
        <translation>%1 파일을 열 수 없습니다: 이 Forkline 빌드에는 simdjson 파서가 없습니다.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>%1 파일을 읽을 수 없습니다: %2.</translation>
    </message>
    <message>
        <source>Cannot open %1: it is compressed with gzip, which this build of Forkline cannot read.</source>
        <translation>%1 파일을 열 수 없습니다: gzip으로 압축되어 있는데, 이 Forkline 빌드는 gzip을 읽지 못합니다.</translation>
    </message>
    <message>
        <source>cannot start the gzip decoder</source>
        <translation>gzip 해제기를 시작할 수 없습니다</translation>
    </message>
    <message>
        <source>the gzip data ends early</source>
        <translation>gzip 데이터가 중간에 끝납니다</translation>
    </message>
    <message>
        <source>the gzip data is damaged (%1)</source>
        <translation>gzip 데이터가 손상되었습니다 (%1)</translation>
    </message>
    <message>
        <source>this build of Forkline cannot read gzip</source>
        <translation>이 Forkline 빌드는 gzip을 읽지 못합니다</translation>
    </message>
    <message>
        <source>Cannot open %1: it is larger than %2 GiB, the most Forkline opens.</source>
        <translation>%1 파일을 열 수 없습니다: Forkline이 열 수 있는 최대 크기인 %2 GiB보다 큽니다.</translation>
    </message>
    <message>
        <source>%1, byte %2: traceEvents[%3] is not valid JSON (%4).</source>
        <translation>%1, 바이트 %2: traceEvents[%3] 항목이 올바른 JSON이 아닙니다 (%4).</translation>
    </message>
    <message>
        <source>%1, byte %2: %3.</source>
        <translation>%1, 바이트 %2: %3.</translation>
    </message>
    <message>
        <source>Cannot open %1: there is no such file.</source>
        <translation>%1 파일을 열 수 없습니다: 그런 파일이 없습니다.</translation>
    </message>
    <message>
        <source>Cannot open %1: it is a folder, not a trace file.</source>
        <translation>%1을(를) 열 수 없습니다: 트레이스 파일이 아니라 폴더입니다.</translation>
    </message>
    <message>
        <source>Cannot open %1: it is %2 GiB, larger than %3 GiB, the most Forkline opens.</source>
        <translation>%1 파일을 열 수 없습니다: 크기가 %2 GiB로, Forkline이 열 수 있는 최대 크기인 %3 GiB보다 큽니다.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2.</source>
        <translation>%1 파일을 열 수 없습니다: %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n of a kind the timeline cannot show</source>
        <translation>
            <numerusform>타임라인에 그릴 수 없는 종류 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n metadata other than names</source>
        <translation>
            <numerusform>이름이 아닌 메타데이터 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without a process id</source>
        <translation>
            <numerusform>프로세스 ID가 없는 것 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without a usable time or duration</source>
        <translation>
            <numerusform>쓸 수 있는 시간이나 길이가 없는 것 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ends without a beginning</source>
        <translation>
            <numerusform>시작 없이 끝만 있는 것 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not objects</source>
        <translation>
            <numerusform>객체가 아닌 것 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Slices without an end: %n, drawn to the end of the trace.</source>
        <translation>
            <numerusform>끝나지 않은 슬라이스: %n개, 트레이스 끝까지 그렸습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left out %n of %1 events: %2.</source>
        <translation>
            <numerusform>이벤트 %1개 중 %n개를 뺐습니다: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>
Python programs (docs/python.md):
  forkline run FILE.py [options] [-- ARGS...]  run it with the real interpreter, traced; exits with its exit code
      --python PATH         the interpreter (default: python3; py -3 on Windows)
      --trace, --png, --svg, --csv, --width, --scale   as for run
  forkline FILE.py                      open it in the app
</source>
        <translation>
파이썬 프로그램 (docs/python.md):
  forkline run FILE.py [options] [-- ARGS...]  실제 인터프리터로 추적하며 실행합니다; 프로그램의 종료 코드로 끝납니다
      --python PATH         인터프리터 (기본값: python3; Windows에서는 py -3)
      --trace, --png, --svg, --csv, --width, --scale   run과 같습니다
  forkline FILE.py                      앱에서 엽니다
</translation>
    </message>
    <message>
        <source>Draw the speedups as a bar chart.</source>
        <translation>속도 향상을 막대그래프로 그립니다.</translation>
    </message>
    <message>
        <source>Write the table as JSON.</source>
        <translation>표를 JSON으로 씁니다.</translation>
    </message>
    <message>
        <source>Run the scenario&apos;s variants (1 thread, N threads, N processes) with the GIL on and off, and print a
table of wall time and speedup. The data lessons have variants, e.g. forkline compare gil-sum.
</source>
        <translation>시나리오의 변형(스레드 1개, 스레드 N개, 프로세스 N개)을 GIL을 켜고 끄며 실행하고, 걸린 시간과
속도 향상을 표로 출력합니다. 데이터 수업에 변형이 있습니다. 예: forkline compare gil-sum.
</translation>
    </message>
    <message>
        <source>SCENARIO [options]</source>
        <translation>SCENARIO [옵션]</translation>
    </message>
    <message>
        <source>
Pictures: at most %1 pixels a side and %2 pixels in all (1 GiB of memory). A --width
that --scale makes wider is refused (exit 2); lanes below the height limit are left out of
the picture, which says how many (and so does a line on stderr). Files are replaced only
once complete: on a full disk or a read-only folder the old file stays (exit 1).
</source>
        <translation>
그림: 한 변은 최대 %1픽셀, 전체는 최대 %2픽셀입니다 (메모리 1 GiB). --scale을 곱해 이보다
넓어지는 --width는 거부됩니다 (종료 코드 2). 높이 한도를 넘는 레인은 그림에서 빠지고, 몇 개가
빠졌는지 그림과 표준 오류의 한 줄이 알려 줍니다. 파일은 다 쓴 뒤에만 교체됩니다: 디스크가
가득 찼거나 폴더가 읽기 전용이면 기존 파일이 그대로 남습니다 (종료 코드 1).
</translation>
    </message>
    <message>
        <source>
Every command explains its own options: forkline COMMAND --help (or forkline help COMMAND).
</source>
        <translation>
명령마다 자기 옵션을 설명합니다: forkline COMMAND --help (또는 forkline help COMMAND).
</translation>
    </message>
    <message>
        <source>standard output was closed by its reader (broken pipe); the run went on to its end without showing the rest of its printed lines</source>
        <translation>표준 출력을 읽던 쪽이 닫았습니다 (broken pipe). 실행은 끝까지 계속되었지만 나머지 출력 줄은 보여 주지 못했습니다</translation>
    </message>
    <message>
        <source>standard output was closed by its reader (broken pipe); the run went on to its end, and %1 has every printed line</source>
        <translation>표준 출력을 읽던 쪽이 닫았습니다 (broken pipe). 실행은 끝까지 계속되었고, 모든 출력 줄은 %1에 있습니다</translation>
    </message>
    <message>
        <source>List the built-in scenarios, one a line: name&lt;TAB&gt;title.</source>
        <translation>내장 시나리오를 한 줄에 하나씩 보여 줍니다: 이름&lt;TAB&gt;제목.</translation>
    </message>
    <message>
        <source>list takes no arguments (got &quot;%1&quot;)</source>
        <translation>list는 인자를 받지 않습니다 (&quot;%1&quot;이(가) 주어짐)</translation>
    </message>
    <message>
        <source>Python programs only: the interpreter (default: python3; py -3 on Windows).</source>
        <translation>파이썬 프로그램 전용: 인터프리터 (기본값: python3, Windows에서는 py -3).</translation>
    </message>
    <message>
        <source>Run a scenario headless: a built-in name (see forkline list) or a .json file. Its printed lines go
to standard output. A Python program (FILE.py, or a built-in Python lesson) runs with the real
interpreter, traced, and exits with its exit code; its own arguments go after --.
</source>
        <translation>시나리오를 창 없이 실행합니다: 내장 이름(forkline list 참고) 또는 .json 파일. 출력한 줄은 표준
출력으로 갑니다. 파이썬 프로그램(FILE.py 또는 내장 파이썬 수업)은 실제 인터프리터로 추적하며
실행하고, 그 종료 코드로 끝납니다. 프로그램 자신의 인자는 -- 뒤에 씁니다.
</translation>
    </message>
    <message>
        <source>SCENARIO|FILE.py [options] [-- ARGS...]</source>
        <translation>SCENARIO|FILE.py [옵션] [-- ARGS...]</translation>
    </message>
    <message>
        <source>--python is for Python programs; a scenario runs without an interpreter</source>
        <translation>--python은 파이썬 프로그램용입니다. 시나리오는 인터프리터 없이 실행됩니다</translation>
    </message>
    <message>
        <source>arguments after -- are for Python programs; a scenario takes none</source>
        <translation>-- 뒤의 인자는 파이썬 프로그램용입니다. 시나리오는 인자를 받지 않습니다</translation>
    </message>
    <message>
        <source>TRACE.json [options]</source>
        <translation>TRACE.json [옵션]</translation>
    </message>
    <message>
        <source>Draw or re-export a Chrome trace (.json or .json.gz) without running anything.
</source>
        <translation>아무것도 실행하지 않고 Chrome 트레이스(.json 또는 .json.gz)를 그리거나 다시 내보냅니다.
</translation>
    </message>
    <message>
        <source>no command &quot;%1&quot;; did you mean &quot;%2&quot;? (see forkline --help)</source>
        <translation>&quot;%1&quot; 명령은 없습니다. &quot;%2&quot;을(를) 뜻했나요? (forkline --help 참고)</translation>
    </message>
    <message>
        <source>cannot open %1: there is no such file</source>
        <translation>%1을(를) 열 수 없습니다: 그런 파일이 없습니다</translation>
    </message>
    <message>
        <source>Multiply every sleep by F (default 1, %1).</source>
        <translation>모든 sleep에 F를 곱합니다 (기본값 1, %1).</translation>
    </message>
    <message>
        <source>Multiply every compute size by F (default 1, %1).</source>
        <translation>모든 계산 크기에 F를 곱합니다 (기본값 1, %1).</translation>
    </message>
    <message>
        <source>Override the scenario&apos;s GIL setting.</source>
        <translation>시나리오의 GIL 설정을 덮어씁니다.</translation>
    </message>
    <message>
        <source>GIL switch interval in seconds (default 0.005, %1).</source>
        <translation>GIL 전환 간격, 초 단위 (기본값 0.005, %1).</translation>
    </message>
    <message>
        <source>Override a worker&apos;s daemon flag (NAME=all for every worker); may be given more than once.</source>
        <translation>워커의 데몬 플래그를 덮어씁니다 (NAME=all은 모든 워커). 여러 번 줄 수 있습니다.</translation>
    </message>
    <message>
        <source>the settings could not be saved</source>
        <translation>설정을 저장할 수 없었습니다</translation>
    </message>
    <message>
        <source>not enough memory for a picture of %1 × %2 pixels</source>
        <translation>%1 × %2 픽셀 그림을 만들 메모리가 부족합니다</translation>
    </message>
    <message>
        <source>the picture could not be drawn</source>
        <translation>그림을 그릴 수 없었습니다</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>%1을(를) 만들 수 없습니다</translation>
    </message>
    <message>
        <source>A Python program. Run starts it with the Python interpreter, traced: every thread, process, sleep, print, wait and join of the real program appears on the timeline.</source>
        <translation>파이썬 프로그램입니다. 실행하면 파이썬 인터프리터로 추적하며 시작합니다: 실제 프로그램의 모든 스레드, 프로세스, sleep, print, 대기, join이 타임라인에 나타납니다.</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>%1부터 %2까지</translation>
    </message>
    <message>
        <source>above %1 and at most %2</source>
        <translation>%1 초과 %2 이하</translation>
    </message>
    <message>
        <source>%1 takes a number %2, not &quot;%3&quot;</source>
        <translation>%1에는 %2의 수를 줍니다. &quot;%3&quot;은(는) 안 됩니다</translation>
    </message>
    <message>
        <source>with this step the scenario&apos;s buffers add up to %1 MiB, more than the %2 MiB a scenario may allocate in all</source>
        <translation>이 단계까지 시나리오의 버퍼가 모두 %1 MiB로, 시나리오 하나가 할당할 수 있는 %2 MiB보다 많습니다</translation>
    </message>
    <message>
        <source>&quot;switch_interval&quot; takes seconds %1</source>
        <translation>&quot;switch_interval&quot;에는 %1의 초를 줍니다</translation>
    </message>
    <message>
        <source>the data could not be written</source>
        <translation>데이터를 쓸 수 없었습니다</translation>
    </message>
    <message>
        <source>&quot;expect&quot; maps shared values to what they should end at, e.g. {&quot;counter&quot;: 4000}</source>
        <translation>&quot;expect&quot;는 공유 값마다 끝날 때의 값을 적습니다. 예: {&quot;counter&quot;: 4000}</translation>
    </message>
    <message>
        <source>&quot;%1&quot; appears twice in %2</source>
        <translation>%2 안에 &quot;%1&quot; 항목이 두 번 나옵니다</translation>
    </message>
    <message>
        <source>&quot;expect&quot;</source>
        <translation>&quot;expect&quot;</translation>
    </message>
    <message>
        <source>&quot;expect&quot; names &quot;%1&quot;, but the scenario declares no &quot;shared&quot; values</source>
        <translation>&quot;expect&quot;에 &quot;%1&quot;이(가) 있지만 시나리오에 &quot;shared&quot; 값이 하나도 없습니다</translation>
    </message>
    <message>
        <source>&quot;expect&quot; names &quot;%1&quot;, which is not a shared value (declared: %2)</source>
        <translation>&quot;expect&quot;의 &quot;%1&quot;은(는) 공유 값이 아닙니다 (선언된 값: %2)</translation>
    </message>
    <message>
        <source>the expected value of &quot;%1&quot; must be a whole number (%2)</source>
        <translation>&quot;%1&quot;의 기댓값은 정수여야 합니다 (%2)</translation>
    </message>
    <message>
        <source>the expected value of &quot;%1&quot; must be a number, not %2</source>
        <translation>&quot;%1&quot;의 기댓값은 숫자여야 합니다 (%2이(가) 아님)</translation>
    </message>
    <message>
        <source>two workers are named &quot;%1&quot;</source>
        <translation>이름이 &quot;%1&quot;인 워커가 둘입니다</translation>
    </message>
    <message>
        <source>&quot;workers&quot; must be an array</source>
        <translation>&quot;workers&quot; 값은 배열이어야 합니다</translation>
    </message>
    <message>
        <source>too many thread workers (at most %1 in a scenario)</source>
        <translation>스레드 워커가 너무 많습니다 (한 시나리오에 최대 %1개)</translation>
    </message>
    <message>
        <source>too many process workers (at most %1 in a scenario)</source>
        <translation>프로세스 워커가 너무 많습니다 (한 시나리오에 최대 %1개)</translation>
    </message>
    <message>
        <source>ValueError: semaphore or lock released too many times (%1)</source>
        <translation>ValueError: semaphore or lock released too many times (%1)</translation>
    </message>
    <message>
        <source>RuntimeError: release unlocked lock (%1)</source>
        <translation>RuntimeError: release unlocked lock (%1)</translation>
    </message>
    <message>
        <source>&quot;pipes&quot; lists pipes, e.g. [{&quot;ends&quot;: [&quot;parent_conn&quot;, &quot;child_conn&quot;]}]</source>
        <translation>&quot;pipes&quot;에는 파이프 목록을 씁니다. 예: [{&quot;ends&quot;: [&quot;parent_conn&quot;, &quot;child_conn&quot;]}]</translation>
    </message>
    <message>
        <source>a pipe is an object with &quot;ends&quot; and, for a one-way pipe, &quot;duplex&quot;: false</source>
        <translation>파이프는 &quot;ends&quot;를 가진 객체이며, 단방향 파이프는 &quot;duplex&quot;: false를 씁니다</translation>
    </message>
    <message>
        <source>a pipe</source>
        <translation>파이프</translation>
    </message>
    <message>
        <source>&quot;ends&quot; takes the names of the pipe&apos;s two ends, e.g. [&quot;a&quot;, &quot;b&quot;]</source>
        <translation>&quot;ends&quot;에는 파이프 양 끝의 이름을 씁니다. 예: [&quot;a&quot;, &quot;b&quot;]</translation>
    </message>
    <message>
        <source>pipe end &quot;%1&quot; is named twice</source>
        <translation>파이프 끝 &quot;%1&quot;의 이름이 두 번 쓰였습니다</translation>
    </message>
    <message>
        <source>&quot;duplex&quot; must be true or false</source>
        <translation>&quot;duplex&quot;는 true 또는 false여야 합니다</translation>
    </message>
    <message>
        <source>&quot;process_locks&quot; lists the names of multiprocessing locks</source>
        <translation>&quot;process_locks&quot;에는 multiprocessing 락의 이름을 나열합니다</translation>
    </message>
    <message>
        <source>a process lock is a name that is not a semaphore&apos;s, an rlock&apos;s or a condition&apos;s lock</source>
        <translation>프로세스 락의 이름은 세마포어, RLock, 조건 변수의 락 이름과 겹치면 안 됩니다</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a pipe end: its recv has no timeout (Connection.recv() waits until a message comes)</source>
        <translation>&quot;%1&quot;은(는) 파이프 끝입니다: recv에는 timeout이 없습니다 (Connection.recv()는 메시지가 올 때까지 기다립니다)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the receiving end of a one-way pipe (duplex false): it cannot send (Python: OSError: connection is read-only); send on &quot;%2&quot;</source>
        <translation>&quot;%1&quot;은(는) 단방향 파이프(duplex false)의 받는 쪽이라 보낼 수 없습니다 (Python: OSError: connection is read-only). &quot;%2&quot;에서 보내세요</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the sending end of a one-way pipe (duplex false): it cannot receive (Python: OSError: connection is write-only); recv on &quot;%2&quot;</source>
        <translation>&quot;%1&quot;은(는) 단방향 파이프(duplex false)의 보내는 쪽이라 받을 수 없습니다 (Python: OSError: connection is write-only). &quot;%2&quot;에서 받으세요</translation>
    </message>
</context>
<context>
    <name>Forkline::AboutDialog</name>
    <message>
        <source>About Forkline</source>
        <translation>Forkline 정보</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Forkline %1&lt;/h3&gt;&lt;p&gt;Forkline runs concurrency lessons for real, with real threads and processes, and draws what happened on a timeline: one lane per thread, grouped by process.&lt;/p&gt;&lt;p&gt;Solid boxes: the thread runs. Hatched: it sleeps. Pale boxes with a patterned line: it waits (for a join, the GIL, a lock, input or a queue). Arrows show which thread started or joined which.&lt;/p&gt;&lt;p&gt;Wheel: zoom. Drag: pan. Shift+drag: zoom to a range. 0: fit all.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;%2&quot;&gt;Documentation&lt;/a&gt; (F1): how to use it, and how to write your own lessons.&lt;/p&gt;&lt;p&gt;Free software under the GNU General Public License, version 3 or (at your option) any later version (GPL-3.0-or-later): you may share and change it under its terms. It comes with no warranty. &lt;a href=&quot;%3&quot;&gt;The license&lt;/a&gt;.&lt;/p&gt;&lt;p&gt;Built with Qt %4, running on Qt %5.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Forkline %1&lt;/h3&gt;&lt;p&gt;Forkline은 동시성 수업을 실제 스레드와 프로세스로 실행하고, 일어난 일을 타임라인에 그립니다: 스레드마다 레인 하나, 프로세스별로 묶어서.&lt;/p&gt;&lt;p&gt;꽉 찬 상자: 스레드가 실행 중. 빗금: 잠자는 중. 무늬 선이 있는 옅은 상자: 기다리는 중 (join, GIL, 락, 입력 또는 큐). 화살표는 어느 스레드가 어느 스레드를 시작하거나 join했는지 보여 줍니다.&lt;/p&gt;&lt;p&gt;휠: 확대/축소. 드래그: 이동. Shift+드래그: 구간 확대. 0: 전체 맞춤.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;%2&quot;&gt;설명서&lt;/a&gt; (F1): 사용법과 자신만의 수업을 쓰는 법.&lt;/p&gt;&lt;p&gt;GNU 일반 공중 사용 허가서 버전 3 또는 (선택에 따라) 그 이후 버전(GPL-3.0-or-later)을 따르는 자유 소프트웨어입니다: 그 조건에 따라 나누고 고칠 수 있습니다. 어떤 보증도 없습니다. &lt;a href=&quot;%3&quot;&gt;허가서&lt;/a&gt;.&lt;/p&gt;&lt;p&gt;Qt %4로 빌드, Qt %5에서 실행 중.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Forkline&apos;s icon</source>
        <translation>Forkline 아이콘</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt 정보(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>Forkline::ArgsTree</name>
    <message>
        <source>Arg</source>
        <translation>인자</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Args</source>
        <translation>인자</translation>
    </message>
    <message>
        <source>The event&apos;s own args, as the trace file has them</source>
        <translation>트레이스 파일에 적힌 그대로의 이벤트 인자</translation>
    </message>
    <message>
        <source>args</source>
        <translation>args</translation>
    </message>
</context>
<context>
    <name>Forkline::BreakMarks</name>
    <message>
        <source>… %1 …</source>
        <translation>… %1 …</translation>
    </message>
</context>
<context>
    <name>Forkline::ChromeTraceBuilder</name>
    <message>
        <source>traceEvents[%1] is %2 years after traceEvents[%3]; a trace can span at most %4 years</source>
        <translation>traceEvents[%1]은(는) traceEvents[%3]보다 %2년 뒤입니다. 트레이스는 최대 %4년에 걸칠 수 있습니다</translation>
    </message>
    <message>
        <source>traceEvents[%1] is %2 years before traceEvents[%3]; a trace can span at most %4 years</source>
        <translation>traceEvents[%1]은(는) traceEvents[%3]보다 %2년 앞입니다. 트레이스는 최대 %4년에 걸칠 수 있습니다</translation>
    </message>
    <message>
        <source>traceEvents[%1] lasts %2 years; a trace can span at most %3 years</source>
        <translation>traceEvents[%1]은(는) %2년 동안 이어집니다. 트레이스는 최대 %3년에 걸칠 수 있습니다</translation>
    </message>
    <message>
        <source>over 292</source>
        <translation>292 이상</translation>
    </message>
    <message>
        <source>traceEvents[%1] ends after the last time Forkline can hold (292 years from 0)</source>
        <translation>traceEvents[%1]은(는) Forkline이 담을 수 있는 마지막 시각(0부터 292년) 뒤에 끝납니다</translation>
    </message>
    <message>
        <source>traceEvents[%1] has a time out of range: &quot;ts&quot; is more than 292 years from 0</source>
        <translation>traceEvents[%1]의 시각이 범위를 벗어납니다: &quot;ts&quot;가 0에서 292년보다 멉니다</translation>
    </message>
</context>
<context>
    <name>Forkline::ChromeTraceImport</name>
    <message>
        <source>malformed JSON</source>
        <translation>JSON 형식이 잘못되었습니다</translation>
    </message>
</context>
<context>
    <name>Forkline::CliParser</name>
    <message>
        <source>Show this help.</source>
        <translation>이 도움말을 보여 줍니다.</translation>
    </message>
    <message>
        <source>%1 needs a value</source>
        <translation>%1 옵션에 값이 필요합니다</translation>
    </message>
    <message>
        <source>unknown option %1 (see forkline %2 --help)</source>
        <translation>알 수 없는 옵션 %1 (forkline %2 --help 참고)</translation>
    </message>
    <message>
        <source>Usage: forkline %1 %2
</source>
        <translation>사용법: forkline %1 %2
</translation>
    </message>
</context>
<context>
    <name>Forkline::CliPrivate</name>
    <message>
        <source>Python %1 is free-threaded and runs with the GIL off: no GIL waits are drawn</source>
        <translation>파이썬 %1은(는) 자유 스레드 빌드라 GIL 없이 실행됩니다: GIL 대기는 그리지 않습니다</translation>
    </message>
    <message>
        <source>Write a Chrome Trace Event file (opens in Perfetto).</source>
        <translation>Chrome Trace Event 파일을 씁니다 (Perfetto에서 열림).</translation>
    </message>
    <message>
        <source>Draw the timeline to a PNG.</source>
        <translation>타임라인을 PNG로 그립니다.</translation>
    </message>
    <message>
        <source>Draw the timeline to an SVG.</source>
        <translation>타임라인을 SVG로 그립니다.</translation>
    </message>
    <message>
        <source>Write one row per span.</source>
        <translation>구간마다 한 행씩 씁니다.</translation>
    </message>
    <message>
        <source>Width of a drawn timeline in pixels (default: fits the run; %1).</source>
        <translation>그린 타임라인의 너비, 픽셀 단위 (기본값: 실행에 맞춤, %1).</translation>
    </message>
    <message>
        <source>Pixel ratio of a PNG (default 2, %1).</source>
        <translation>PNG의 픽셀 비율 (기본값 2, %1).</translation>
    </message>
    <message>
        <source>Draw with the larger fonts and lanes of presentation mode.</source>
        <translation>발표 모드의 큰 글꼴과 레인으로 그립니다.</translation>
    </message>
    <message>
        <source>%1 is not an option for a Python program (see forkline run --help); the program&apos;s own arguments go after --</source>
        <translation>%1은(는) 파이썬 프로그램의 옵션이 아닙니다 (forkline run --help 참고). 프로그램 자신의 인자는 -- 뒤에 씁니다</translation>
    </message>
    <message>
        <source>--python needs an interpreter: a path or a name on PATH</source>
        <translation>--python에는 인터프리터가 필요합니다: 경로 또는 PATH에 있는 이름</translation>
    </message>
    <message>
        <source>one program at a time (got &quot;%1&quot; and &quot;%2&quot;); its own arguments go after --</source>
        <translation>프로그램은 한 번에 하나입니다 (&quot;%1&quot;와(과) &quot;%2&quot;); 프로그램 자신의 인자는 -- 뒤에 씁니다</translation>
    </message>
    <message>
        <source>run needs a program: a .py file or a built-in lesson (see forkline list)</source>
        <translation>run에는 프로그램이 필요합니다: .py 파일 또는 내장 수업 (forkline list 참고)</translation>
    </message>
    <message>
        <source>%1 is not a Python program</source>
        <translation>%1은(는) 파이썬 프로그램이 아닙니다</translation>
    </message>
    <message>
        <source>Draw a slide of exactly W × H pixels (1920x1080, 1280x720 ...): the whole run fitted to it, with the larger text of presentation mode, at --scale 1 unless given. Not with --width.</source>
        <translation>정확히 W × H 픽셀의 슬라이드로 그립니다(1920x1080, 1280x720 ...). 실행 전체를 슬라이드에 맞추고, 프레젠테이션 모드의 큰 글씨를 쓰며, 따로 주지 않으면 --scale 1입니다. --width와 함께 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>--slide sets the width already: leave out --width</source>
        <translation>--slide가 이미 너비를 정합니다: --width를 빼 주세요</translation>
    </message>
    <message>
        <source>--slide takes WIDTHxHEIGHT, each side %1 pixels (1920x1080, 1280x720), not &quot;%2&quot;</source>
        <translation>--slide 값은 너비x높이이고, 각 변은 %1 픽셀이어야 합니다(1920x1080, 1280x720). &quot;%2&quot;는 안 됩니다</translation>
    </message>
    <message>
        <source>Draw long stretches in which nothing changes short, with a break on the time axis (as View &gt; Compact Time).</source>
        <translation>아무것도 바뀌지 않는 긴 구간을 짧게 그리고, 시간축에 생략 표시를 넣습니다(보기 &gt; 시간 압축과 같음).</translation>
    </message>
</context>
<context>
    <name>Forkline::CodeEditor</name>
    <message>
        <source>Here now: %1</source>
        <translation>지금 여기: %1</translation>
    </message>
</context>
<context>
    <name>Forkline::CodePane</name>
    <message>
        <source>Lesson code</source>
        <translation>수업 코드</translation>
    </message>
    <message>
        <source>The lesson&apos;s code. Pick a box or mark on the timeline to highlight its line; click a line to pick its events on the timeline.</source>
        <translation>수업의 코드입니다. 타임라인에서 상자나 마크를 고르면 그 줄이 강조되고, 줄을 클릭하면 타임라인에서 그 줄의 이벤트를 고릅니다.</translation>
    </message>
    <message>
        <source>%1: cannot be read</source>
        <translation>%1: 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>%1 as Python (written from its steps)</source>
        <translation>%1을(를) 파이썬으로 (단계들로부터 작성됨)</translation>
    </message>
    <message>
        <source>The lesson&apos;s code appears here.</source>
        <translation>수업의 코드가 여기에 나타납니다.</translation>
    </message>
</context>
<context>
    <name>Forkline::Collector</name>
    <message>
        <source>a run is already in progress</source>
        <translation>이미 실행 중입니다</translation>
    </message>
    <message>
        <source>cannot open the event channel: %1</source>
        <translation>이벤트 채널을 열 수 없습니다: %1</translation>
    </message>
    <message>
        <source>cannot start the runner: %1</source>
        <translation>러너를 시작할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>the runner crashed (signal %1)</source>
        <translation>러너가 비정상 종료되었습니다 (시그널 %1)</translation>
    </message>
</context>
<context>
    <name>Forkline::CompareWindow</name>
    <message>
        <source>Progress</source>
        <translation>진행</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>결과 표</translation>
    </message>
    <message>
        <source>Compare — Forkline</source>
        <translation>비교 — Forkline</translation>
    </message>
    <message>
        <source>%v of %m runs</source>
        <translation>%m번 중 %v번 실행</translation>
    </message>
    <message>
        <source>Each variant runs alone, so that the runs do not compete for the cores</source>
        <translation>실행끼리 코어를 두고 다투지 않도록 변형을 하나씩 따로 실행합니다</translation>
    </message>
    <message>
        <source>C&amp;ancel</source>
        <translation>취소(&amp;A)</translation>
    </message>
    <message>
        <source>Stop comparing; the runs done so far stay in the table</source>
        <translation>비교를 멈춥니다. 지금까지 끝난 실행은 표에 남습니다</translation>
    </message>
    <message>
        <source>&amp;Run Again</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>Run every variant again with the same settings: timings vary a little from run to run</source>
        <translation>같은 설정으로 모든 변형을 다시 실행합니다. 시간은 실행할 때마다 조금씩 다릅니다</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>변형</translation>
    </message>
    <message>
        <source>GIL</source>
        <translation>GIL</translation>
    </message>
    <message>
        <source>Wall (s)</source>
        <translation>경과 시간(초)</translation>
    </message>
    <message>
        <source>Speedup</source>
        <translation>속도 향상</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Wall-clock time of the main thread, from its start to its end</source>
        <translation>메인 스레드가 시작해서 끝날 때까지 걸린 실제 시간</translation>
    </message>
    <message>
        <source>How many times faster than the first variant with the same GIL setting</source>
        <translation>GIL 설정이 같은 첫 번째 변형보다 몇 배 빠른지</translation>
    </message>
    <message>
        <source>The last number the main thread printed: every variant must compute the same</source>
        <translation>메인 스레드가 마지막으로 출력한 수. 모든 변형이 같은 값을 계산해야 합니다</translation>
    </message>
    <message>
        <source>One run per row. Click a row (or press Enter on it) to see its timeline in the main window.</source>
        <translation>한 행이 실행 한 번입니다. 행을 클릭하거나 행에서 Enter를 누르면 메인 창에 그 실행의 타임라인이 보입니다.</translation>
    </message>
    <message>
        <source>&amp;Export Chart…</source>
        <translation>차트 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the chart as a PNG picture for a slide</source>
        <translation>슬라이드에 쓸 수 있게 차트를 PNG 그림으로 저장합니다</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>닫기(&amp;C)</translation>
    </message>
    <message>
        <source>Close this window (Esc); a comparison still going is cancelled</source>
        <translation>이 창을 닫습니다 (Esc). 진행 중인 비교는 취소됩니다</translation>
    </message>
    <message>
        <source>Compare %1 — Forkline</source>
        <translation>%1 비교 — Forkline</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Every variant runs alone, first with the GIL on, then off. Speedup is over the first variant with the same GIL setting.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;모든 변형을 하나씩 따로 실행합니다. 먼저 GIL을 켜고, 다음에는 끄고 실행합니다. 속도 향상은 GIL 설정이 같은 첫 번째 변형과 비교한 값입니다.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
    <message>
        <source>%1, GIL %2 — %3</source>
        <translation>%1, GIL %2 — %3</translation>
    </message>
    <message>
        <source>on</source>
        <translation>켬</translation>
    </message>
    <message>
        <source>off</source>
        <translation>끔</translation>
    </message>
    <message>
        <source>Running &quot;%1&quot; with the GIL %2 (%3 of %4)…</source>
        <translation>&quot;%1&quot; 실행 중, GIL %2 (%4개 중 %3번째)…</translation>
    </message>
    <message>
        <source>Done. Click a row or a bar to see that run&apos;s timeline in the main window.</source>
        <translation>끝났습니다. 행이나 막대를 클릭하면 메인 창에 그 실행의 타임라인이 보입니다.</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 runs.</source>
        <translation>%2번 중 %1번 실행한 뒤 취소했습니다.</translation>
    </message>
    <message>
        <source>Nothing to export yet: the comparison has no results.</source>
        <translation>아직 내보낼 것이 없습니다. 비교 결과가 없습니다.</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>차트 내보내기</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>저장했습니다: %1</translation>
    </message>
    <message>
        <source>%1 (unreliable)</source>
        <translation>%1 (믿을 수 없음)</translation>
    </message>
    <message>
        <source>Other programs kept %1 of a core busy during this run: its time says more about the machine than about the variant.</source>
        <translation>이 실행 동안 다른 프로그램이 코어 %1개 분량을 썼습니다. 이 시간은 변형보다 컴퓨터 상태를 더 많이 보여 줍니다.</translation>
    </message>
</context>
<context>
    <name>Forkline::Comparison</name>
    <message>
        <source>%1 has no variants to compare (its &quot;compare&quot; member is missing)</source>
        <translation>%1에는 비교할 변형이 없습니다 (&quot;compare&quot; 멤버가 없습니다)</translation>
    </message>
    <message>
        <source>the run ended with code %1</source>
        <translation>실행이 끝났습니다 (종료 코드 %1)</translation>
    </message>
    <message>
        <source>%1  %2  %3  %4  %5
</source>
        <translation>%1  %2  %3  %4  %5
</translation>
    </message>
    <message>
        <source>variant</source>
        <translation>변형</translation>
    </message>
    <message>
        <source>GIL</source>
        <translation>GIL</translation>
    </message>
    <message>
        <source>wall (s)</source>
        <translation>경과(초)</translation>
    </message>
    <message>
        <source>speedup</source>
        <translation>속도 향상</translation>
    </message>
    <message>
        <source>result</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>on</source>
        <translation>켬</translation>
    </message>
    <message>
        <source>off</source>
        <translation>끔</translation>
    </message>
    <message>
        <source>GIL on</source>
        <translation>GIL 켬</translation>
    </message>
    <message>
        <source>GIL off</source>
        <translation>GIL 끔</translation>
    </message>
    <message>
        <source>Timings unreliable: other programs kept %1 of a core busy during %2. Close them and compare again.</source>
        <translation>시간을 믿을 수 없습니다: %2 동안 다른 프로그램이 코어 %1개 분량을 썼습니다. 그 프로그램을 닫고 다시 비교하세요.</translation>
    </message>
</context>
<context>
    <name>Forkline::ConsoleDelegate</name>
    <message>
        <source>stderr</source>
        <translation>stderr</translation>
    </message>
</context>
<context>
    <name>Forkline::ConsoleModel</name>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>%1 · tid %2 · pid %3</source>
        <translation>%1 · tid %2 · pid %3</translation>
    </message>
    <message>
        <source>stderr</source>
        <translation>stderr</translation>
    </message>
</context>
<context>
    <name>Forkline::ConsolePane</name>
    <message>
        <source>The lines the program prints appear here, tagged with the thread that printed them.</source>
        <translation>프로그램이 출력하는 줄이 여기에 나타납니다. 줄마다 그 줄을 출력한 스레드가 붙습니다.</translation>
    </message>
    <message>
        <source>Console: every printed line in order, with the time, the thread, its thread id and its process id. Red lines came from stderr. Click a line to find its mark on the timeline.</source>
        <translation>콘솔: 출력된 모든 줄을 순서대로 시간, 스레드, 스레드 ID, 프로세스 ID와 함께 보여 줍니다. 빨간 줄은 stderr에서 온 것입니다. 줄을 클릭하면 타임라인에서 그 마크를 찾아 줍니다.</translation>
    </message>
    <message>
        <source>Type a line for a worker waiting in input() and press Enter</source>
        <translation>input()에서 기다리는 워커에게 보낼 줄을 입력하고 Enter를 누르세요</translation>
    </message>
    <message>
        <source>When a worker reaches an input step it waits (the lane shows &quot;waiting: input&quot;) until you type a line here and press Enter, exactly like Python&apos;s input(). Enabled while a run is going.</source>
        <translation>워커가 input 단계에 이르면 여기에 한 줄을 입력하고 Enter를 누를 때까지 기다립니다 (레인에는 &quot;waiting: input&quot;으로 보입니다). 파이썬의 input()과 똑같습니다. 실행 중일 때만 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>&amp;Input:</source>
        <translation>입력(&amp;I):</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>콘솔</translation>
    </message>
</context>
<context>
    <name>Forkline::ConsoleView</name>
    <message>
        <source>&amp;Copy</source>
        <translation>복사(&amp;C)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>모두 선택(&amp;A)</translation>
    </message>
</context>
<context>
    <name>Forkline::CounterPainter</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>counter</source>
        <translation>카운터</translation>
    </message>
    <message>
        <source>%1 cores</source>
        <translation>코어 %1개</translation>
    </message>
    <message>
        <source>cores busy, all</source>
        <translation>사용 중인 코어 (전체)</translation>
    </message>
    <message>
        <source>cores busy</source>
        <translation>사용 중인 코어</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>메모리</translation>
    </message>
</context>
<context>
    <name>Forkline::DocumentationWindow</name>
    <message>
        <source>Forkline Documentation</source>
        <translation>Forkline 설명서</translation>
    </message>
    <message>
        <source>Documentation</source>
        <translation>설명서</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>뒤로(&amp;B)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>목차(&amp;C)</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>목차</translation>
    </message>
</context>
<context>
    <name>Forkline::EventChannel</name>
    <message>
        <source>the collector did not send the scenario</source>
        <translation>수집기가 시나리오를 보내지 않았습니다</translation>
    </message>
    <message>
        <source>the collector sent a malformed scenario header</source>
        <translation>수집기가 잘못된 시나리오 머리글을 보냈습니다</translation>
    </message>
    <message>
        <source>the collector did not accept the connection within %1 s</source>
        <translation>수집기가 %1초 안에 연결을 받지 않았습니다</translation>
    </message>
</context>
<context>
    <name>Forkline::ExploreController</name>
    <message>
        <source>Details</source>
        <translation>세부 정보</translation>
    </message>
    <message>
        <source>&amp;Details Panel</source>
        <translation>세부 정보 패널(&amp;D)</translation>
    </message>
    <message>
        <source>Show or hide the panel with the details of the selected box or mark</source>
        <translation>선택한 상자나 마크의 세부 정보 패널을 보이거나 숨깁니다</translation>
    </message>
    <message>
        <source>C&amp;lear Selection</source>
        <translation>선택 해제(&amp;L)</translation>
    </message>
    <message>
        <source>Let go of the selected box or mark; with nothing selected, leave the replay</source>
        <translation>선택한 상자나 마크를 놓습니다. 선택한 것이 없으면 다시 보기를 끝냅니다</translation>
    </message>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>발표 모드(&amp;P)</translation>
    </message>
    <message>
        <source>Larger text and taller lanes, readable from the back of a classroom</source>
        <translation>교실 뒷자리에서도 읽을 수 있게 글자를 키우고 레인을 높게 합니다</translation>
    </message>
    <message>
        <source>That line has no mark on the timeline</source>
        <translation>그 줄은 타임라인에 마크가 없습니다</translation>
    </message>
    <message>
        <source>Selected: %1 of %2, %3 from %4</source>
        <translation>선택: %2의 %1, %4부터 %3</translation>
    </message>
    <message>
        <source>Selected: %1 of %2 at %3</source>
        <translation>선택: %2의 %1, %3 시점</translation>
    </message>
    <message>
        <source>Selection cleared</source>
        <translation>선택을 해제했습니다</translation>
    </message>
    <message>
        <source>Presentation mode: larger text and lanes for the projector</source>
        <translation>발표 모드: 프로젝터용으로 글자와 레인을 크게 보여 줍니다</translation>
    </message>
    <message>
        <source>Presentation mode off</source>
        <translation>발표 모드 꺼짐</translation>
    </message>
    <message>
        <source>C&amp;allouts</source>
        <translation>설명 문구(&amp;A)</translation>
    </message>
    <message>
        <source>Sentences beside the marks that make a lesson&apos;s point: who waited for whom, who was killed or terminated</source>
        <translation>레슨의 요점이 되는 표시 옆에 문장을 보여 줍니다: 누가 누구를 기다렸는지, 누가 강제 종료되거나 종료되었는지</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>찾기</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>찾기(&amp;F)…</translation>
    </message>
    <message>
        <source>Co&amp;mpact Time</source>
        <translation>시간 압축(&amp;M)</translation>
    </message>
    <message>
        <source>Draw long stretches in which nothing changes short, with a break on the time axis that says how long each one was, so the forks and joins around them get the width</source>
        <translation>아무것도 바뀌지 않는 긴 구간을 짧게 그리고, 시간축의 생략 표시에 각 구간의 실제 길이를 적어, 그 앞뒤의 포크와 조인이 넓게 보이게 합니다</translation>
    </message>
    <message>
        <source>Find slices and marks by name or by the words on their boxes and step through them</source>
        <translation>이름이나 상자에 적힌 글자로 구간과 마크를 찾고 차례로 이동합니다</translation>
    </message>
</context>
<context>
    <name>Forkline::ExportController</name>
    <message>
        <source>Export &amp;Image…</source>
        <translation>이미지 내보내기(&amp;I)…</translation>
    </message>
    <message>
        <source>Save the timeline with its title, axis and legend as PNG or SVG</source>
        <translation>타임라인을 제목, 축, 범례와 함께 PNG나 SVG로 저장합니다</translation>
    </message>
    <message>
        <source>Export &amp;Trace…</source>
        <translation>트레이스 내보내기(&amp;T)…</translation>
    </message>
    <message>
        <source>Save the run as a Chrome trace (JSON) that Perfetto and chrome://tracing open</source>
        <translation>실행 기록을 Perfetto와 chrome://tracing에서 열 수 있는 Chrome 트레이스(JSON)로 저장합니다</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>CSV 내보내기(&amp;C)…</translation>
    </message>
    <message>
        <source>Save one row per span (thread, state, start, duration) for a spreadsheet</source>
        <translation>스프레드시트에서 쓸 수 있게 구간마다 한 행(스레드, 상태, 시작, 길이)씩 저장합니다</translation>
    </message>
    <message>
        <source>&amp;Copy Image</source>
        <translation>이미지 복사(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the timeline picture to the clipboard, ready to paste into a slide</source>
        <translation>타임라인 그림을 클립보드에 복사합니다. 슬라이드에 바로 붙여 넣을 수 있습니다</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>저장했습니다: %1</translation>
    </message>
    <message>
        <source>Export Trace</source>
        <translation>트레이스 내보내기</translation>
    </message>
    <message>
        <source>Chrome trace (*.json)</source>
        <translation>Chrome 트레이스 (*.json)</translation>
    </message>
    <message>
        <source>Saved %1; open it in Perfetto or chrome://tracing</source>
        <translation>저장했습니다: %1. Perfetto나 chrome://tracing에서 열어 보세요</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV 내보내기</translation>
    </message>
    <message>
        <source>Comma-separated values (*.csv)</source>
        <translation>쉼표로 구분한 값 (*.csv)</translation>
    </message>
    <message>
        <source>Timeline copied to the clipboard</source>
        <translation>타임라인을 클립보드에 복사했습니다</translation>
    </message>
    <message>
        <source>Saved %1. %2</source>
        <translation>저장했습니다: %1. %2</translation>
    </message>
    <message>
        <source>Not enough memory to copy a picture of %1 × %2 pixels.</source>
        <translation>%1 × %2 픽셀 그림을 복사할 메모리가 부족합니다.</translation>
    </message>
    <message>
        <source>Timeline copied to the clipboard. %1</source>
        <translation>타임라인을 클립보드에 복사했습니다. %1</translation>
    </message>
</context>
<context>
    <name>Forkline::ExportImageDialog</name>
    <message>
        <source>Export Image</source>
        <translation>이미지 내보내기</translation>
    </message>
    <message>
        <source>PNG picture</source>
        <translation>PNG 그림</translation>
    </message>
    <message>
        <source>SVG drawing (scales without blur)</source>
        <translation>SVG 벡터 그림 (확대해도 흐려지지 않음)</translation>
    </message>
    <message>
        <source>PNG for slides and documents; SVG to edit or scale the drawing later</source>
        <translation>슬라이드와 문서에는 PNG, 나중에 그림을 고치거나 크기를 바꾸려면 SVG</translation>
    </message>
    <message>
        <source>1× (screen)</source>
        <translation>1× (화면)</translation>
    </message>
    <message>
        <source>2× (sharp on slides)</source>
        <translation>2× (슬라이드에서 선명)</translation>
    </message>
    <message>
        <source>3×</source>
        <translation>3×</translation>
    </message>
    <message>
        <source>Pixels per point of a PNG: 2× stays sharp when a projector or a slide enlarges it</source>
        <translation>PNG의 포인트당 픽셀 수. 2×이면 프로젝터나 슬라이드에서 확대해도 선명합니다</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>자동</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Width of the picture in points; automatic fits a 16:9 slide. At most %1 points at this scale: %2.</source>
        <translation>그림의 너비(포인트). 자동이면 16:9 슬라이드에 맞춥니다. 이 배율에서는 최대 %1포인트입니다: %2.</translation>
    </message>
    <message>
        <source>Larger text and lanes for a projector</source>
        <translation>프로젝터용으로 글자와 레인 크게</translation>
    </message>
    <message>
        <source>Draws text and lanes about 1.5 times larger, for the back row of a classroom</source>
        <translation>교실 뒷줄에서도 보이도록 글자와 레인을 1.5배쯤 크게 그립니다</translation>
    </message>
    <message>
        <source>The file to write; the extension (.png or .svg) follows the format</source>
        <translation>저장할 파일. 확장자(.png 또는 .svg)는 형식을 따릅니다</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>찾아보기(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose where to save the picture</source>
        <translation>그림을 저장할 곳을 고릅니다</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>형식(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Scale:</source>
        <translation>배율(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Width:</source>
        <translation>너비(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>파일(&amp;F):</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>크기:</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 벡터 그림 (*.svg)</translation>
    </message>
    <message>
        <source>PNG picture (*.png)</source>
        <translation>PNG 그림 (*.png)</translation>
    </message>
    <message>
        <source>%1 × %2 points</source>
        <translation>%1 × %2 포인트</translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 픽셀</translation>
    </message>
    <message>
        <source>S&amp;lide:</source>
        <translation>슬라이드(&amp;L):</translation>
    </message>
    <message>
        <source>A picture of exactly a slide&apos;s size: the whole run fitted to its width, the lanes to its height, with larger text</source>
        <translation>정확히 슬라이드 크기의 그림입니다. 실행 전체를 너비에, 레인을 높이에 맞추고 글씨를 키웁니다</translation>
    </message>
    <message>
        <source>none: as tall as the lanes need</source>
        <translation>없음: 레인에 필요한 만큼의 높이</translation>
    </message>
    <message>
        <source>1920 × 1080 (16:9, full HD)</source>
        <translation>1920 × 1080 (16:9, 풀 HD)</translation>
    </message>
    <message>
        <source>1280 × 720 (16:9)</source>
        <translation>1280 × 720 (16:9)</translation>
    </message>
</context>
<context>
    <name>Forkline::FindBar</name>
    <message>
        <source>Find</source>
        <translation>찾기</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>이전 결과 (Shift+Enter)</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>이전 결과</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>다음 결과 (Enter)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>다음 결과</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>결과 없음</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2개 중 %1</translation>
    </message>
    <message>
        <source>Find slices and marks by name or by the words on their boxes</source>
        <translation>이름이나 상자에 적힌 글자로 구간과 마크 찾기</translation>
    </message>
</context>
<context>
    <name>Forkline::HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>설명서(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;About Forkline</source>
        <translation>Forkline 정보(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt 정보(&amp;Q)</translation>
    </message>
    <message>
        <source>How to use Forkline and write lessons: the documentation that came with it</source>
        <translation>Forkline 사용법과 수업 쓰는 법: 함께 설치된 설명서</translation>
    </message>
    <message>
        <source>Forkline&apos;s version and license, and how to read the timeline</source>
        <translation>Forkline의 버전과 라이선스, 타임라인 읽는 법</translation>
    </message>
    <message>
        <source>The version and license of Qt, the toolkit Forkline is made with</source>
        <translation>Forkline을 만든 툴킷 Qt의 버전과 라이선스</translation>
    </message>
    <message>
        <source>The documentation did not come with this copy of Forkline: opening the project&apos;s site</source>
        <translation>이 Forkline에는 설명서가 함께 설치되지 않았습니다: 프로젝트 사이트를 엽니다</translation>
    </message>
</context>
<context>
    <name>Forkline::ImageLimits</name>
    <message>
        <source>--width %1 at --scale %2 makes a picture %3 pixels wide, and Forkline draws at most %4 pixels a side: lower --scale or --width (at --scale %2, at most --width %5)</source>
        <translation>--scale %2에서 --width %1이면 그림 너비가 %3픽셀이 되는데, Forkline은 한 변을 최대 %4픽셀까지만 그립니다: --scale이나 --width를 줄이세요 (--scale %2에서는 --width 최대 %5)</translation>
    </message>
    <message>
        <source>a picture holds at most %1 pixels a side and %2 in all</source>
        <translation>그림은 한 변이 최대 %1픽셀, 전체가 최대 %2픽셀입니다</translation>
    </message>
    <message>
        <source>--slide %1x%2 at --scale %3 makes a picture of %4 × %5 pixels, and %6: lower --scale or the slide&apos;s size</source>
        <translation>--scale %3에서 --slide %1x%2는 %4 × %5 픽셀 그림이 되는데, %6: --scale이나 슬라이드 크기를 줄이세요</translation>
    </message>
    <message>
        <source>a picture stops at %1 points tall, what a slide can hold; --slide WxH picks another size, and the trace (--trace) keeps every thread</source>
        <translation>그림은 슬라이드에 담을 수 있는 높이인 %1포인트에서 멈춥니다. --slide WxH로 다른 크기를 고를 수 있고, 트레이스(--trace)에는 모든 스레드가 남습니다</translation>
    </message>
</context>
<context>
    <name>Forkline::JsonParser</name>
    <message>
        <source>a boolean</source>
        <translation>불리언 값</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>문자열</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>배열</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>객체</translation>
    </message>
    <message>
        <source>unexpected text after the end of the JSON value</source>
        <translation>JSON 값이 끝난 뒤에 예상하지 못한 텍스트가 있습니다</translation>
    </message>
    <message>
        <source>invalid value (expected a string, number, object, array, true, false or null)</source>
        <translation>잘못된 값입니다 (문자열, 숫자, 객체, 배열, true, false, null 중 하나여야 합니다)</translation>
    </message>
    <message>
        <source>nesting is too deep</source>
        <translation>중첩이 너무 깊습니다</translation>
    </message>
    <message>
        <source>unexpected end of file</source>
        <translation>파일이 예상보다 일찍 끝났습니다</translation>
    </message>
    <message>
        <source>unexpected end of file inside an object</source>
        <translation>객체 안에서 파일이 끝났습니다</translation>
    </message>
    <message>
        <source>expected a quoted member name</source>
        <translation>따옴표로 감싼 멤버 이름이 와야 합니다</translation>
    </message>
    <message>
        <source>expected &apos;:&apos; after a member name</source>
        <translation>멤버 이름 뒤에는 &apos;:&apos;가 와야 합니다</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos; in an object</source>
        <translation>객체 안에서는 &apos;,&apos;나 &apos;}&apos;가 와야 합니다</translation>
    </message>
    <message>
        <source>unexpected end of file inside an array</source>
        <translation>배열 안에서 파일이 끝났습니다</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos; in an array</source>
        <translation>배열 안에서는 &apos;,&apos;나 &apos;]&apos;가 와야 합니다</translation>
    </message>
    <message>
        <source>invalid \u escape</source>
        <translation>잘못된 \u 이스케이프입니다</translation>
    </message>
    <message>
        <source>unexpected end of file inside a string</source>
        <translation>문자열 안에서 파일이 끝났습니다</translation>
    </message>
    <message>
        <source>a string may not span lines (write \n)</source>
        <translation>문자열은 여러 줄에 걸칠 수 없습니다 (\n으로 쓰세요)</translation>
    </message>
    <message>
        <source>control character inside a string</source>
        <translation>문자열 안에 제어 문자가 있습니다</translation>
    </message>
    <message>
        <source>invalid escape sequence in a string</source>
        <translation>문자열에 잘못된 이스케이프 시퀀스가 있습니다</translation>
    </message>
    <message>
        <source>invalid number</source>
        <translation>잘못된 숫자입니다</translation>
    </message>
    <message>
        <source>invalid number (no leading zeros)</source>
        <translation>잘못된 숫자입니다 (앞에 0을 붙일 수 없습니다)</translation>
    </message>
    <message>
        <source>number out of range</source>
        <translation>숫자가 범위를 벗어났습니다</translation>
    </message>
</context>
<context>
    <name>Forkline::LaneTotals</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>Forkline::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>시스템 언어</translation>
    </message>
    <message>
        <source>Show Forkline in this language, now and next time</source>
        <translation>Forkline을 지금부터 이 언어로 보여 줍니다</translation>
    </message>
</context>
<context>
    <name>Forkline::LaunchOptions</name>
    <message>
        <source>unknown option --%1 (see forkline --help)</source>
        <translation>알 수 없는 옵션 --%1 (forkline --help 참고)</translation>
    </message>
    <message>
        <source>cannot open %1: there is no such file</source>
        <translation>%1을(를) 열 수 없습니다: 그런 파일이 없습니다</translation>
    </message>
    <message>
        <source>--replay-at takes seconds from 0, not &quot;%1&quot;</source>
        <translation>--replay-at에는 0 이상의 초를 줍니다. &quot;%1&quot;은(는) 안 됩니다</translation>
    </message>
    <message>
        <source>--select-print takes a record number from 0, not &quot;%1&quot;</source>
        <translation>--select-print에는 0 이상의 기록 번호를 줍니다. &quot;%1&quot;은(는) 안 됩니다</translation>
    </message>
</context>
<context>
    <name>Forkline::LessonController</name>
    <message>
        <source>&amp;Compare…</source>
        <translation>비교(&amp;C)…</translation>
    </message>
    <message>
        <source>Run the scenario&apos;s variants (one thread, several threads, several processes) with the GIL on and off, and compare how long each takes</source>
        <translation>시나리오의 변형(스레드 하나, 스레드 여러 개, 프로세스 여러 개)을 GIL을 켜고, 또 끄고 실행해서 각각 얼마나 걸리는지 비교합니다</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>With %1</source>
        <translation>설정: %1</translation>
    </message>
</context>
<context>
    <name>Forkline::MainWindow</name>
    <message>
        <source>, free-threaded: GIL off</source>
        <translation>, 자유 스레드 빌드: GIL 꺼짐</translation>
    </message>
    <message>
        <source>&amp;Open Scenario…</source>
        <translation>시나리오 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>Stop any run and close Forkline</source>
        <translation>실행 중인 것을 멈추고 Forkline을 닫습니다</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>실행(&amp;R)</translation>
    </message>
    <message>
        <source>Run the selected scenario for real; pressing it again starts a fresh run</source>
        <translation>선택한 시나리오를 실제로 실행합니다. 다시 누르면 처음부터 새로 실행합니다</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>중지(&amp;S)</translation>
    </message>
    <message>
        <source>Stop the run: every thread still going ends as &quot;aborted&quot;</source>
        <translation>실행을 중지합니다. 아직 돌고 있는 스레드는 모두 &quot;aborted&quot;로 끝납니다</translation>
    </message>
    <message>
        <source> ×</source>
        <translation> ×</translation>
    </message>
    <message>
        <source>Time scale: every sleep of the scenario is multiplied by this. 1 runs the lesson at its own pace; 0.1 runs a 20-second lesson in 2 seconds</source>
        <translation>시간 배율: 시나리오의 모든 sleep 시간에 이 값을 곱합니다. 1이면 예제를 원래 속도로 실행하고, 0.1이면 20초짜리 예제를 2초에 실행합니다</translation>
    </message>
    <message>
        <source>Time since the run started</source>
        <translation>실행을 시작한 뒤 지난 시간</translation>
    </message>
    <message>
        <source>Opened the trace %1</source>
        <translation>트레이스를 열었습니다: %1</translation>
    </message>
    <message>
        <source>Trace %1</source>
        <translation>트레이스 %1</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>열었습니다: %1</translation>
    </message>
    <message>
        <source>%1 — Forkline</source>
        <translation>%1 — Forkline</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>Re&amp;play</source>
        <translation>다시 보기(&amp;P)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>기본</translation>
    </message>
    <message>
        <source> &amp;Time scale: </source>
        <translation> 시간 배율(&amp;T): </translation>
    </message>
    <message>
        <source>Pick a scenario first.</source>
        <translation>먼저 시나리오를 고르세요.</translation>
    </message>
    <message>
        <source>The run could not be started.</source>
        <translation>실행을 시작할 수 없었습니다.</translation>
    </message>
    <message>
        <source>Running %1 at time scale %2</source>
        <translation>%1 실행 중 (시간 배율 %2)</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>%1 실행 중…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>중지하는 중…</translation>
    </message>
    <message>
        <source>Failed after %1</source>
        <translation>%1 만에 실패했습니다</translation>
    </message>
    <message>
        <source>Stopped after %1</source>
        <translation>%1 만에 중지했습니다</translation>
    </message>
    <message>
        <source>Ended with exit code %1 after %2</source>
        <translation>%2 만에 끝났습니다 (종료 코드 %1)</translation>
    </message>
    <message>
        <source>Finished in %1</source>
        <translation>%1 만에 끝났습니다</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>다시 시작(&amp;R)</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>준비</translation>
    </message>
    <message>
        <source>Open Scenario</source>
        <translation>시나리오 열기</translation>
    </message>
    <message>
        <source>Stop the run first: the timeline is showing it live.</source>
        <translation>먼저 실행을 중지하세요. 타임라인이 지금 실행을 실시간으로 보여 주고 있습니다.</translation>
    </message>
    <message>
        <source>Showing %1</source>
        <translation>보는 중: %1</translation>
    </message>
    <message>
        <source>(timings unreliable: other programs kept %1 of a core busy)</source>
        <translation>(시간을 믿을 수 없음: 다른 프로그램이 코어 %1개 분량을 씀)</translation>
    </message>
    <message>
        <source>(other programs are busy: timings unreliable)</source>
        <translation>(다른 프로그램이 실행 중: 시간을 믿을 수 없음)</translation>
    </message>
    <message>
        <source>Open a scenario file (.json) or a Python program (.py)</source>
        <translation>시나리오 파일(.json) 또는 파이썬 프로그램(.py)을 엽니다</translation>
    </message>
    <message>
        <source>Scenarios and Python programs (*.json *.py);;Forkline scenarios (*.json);;Python programs (*.py)</source>
        <translation>시나리오와 파이썬 프로그램 (*.json *.py);;Forkline 시나리오 (*.json);;파이썬 프로그램 (*.py)</translation>
    </message>
    <message>
        <source>Running %1 with Python %2 (%3)</source>
        <translation>%1을(를) 파이썬 %2(%3)로 실행 중</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>세부 정보</translation>
    </message>
</context>
<context>
    <name>Forkline::MessageBar</name>
    <message>
        <source>Hide this message</source>
        <translation>이 메시지 숨기기</translation>
    </message>
</context>
<context>
    <name>Forkline::PreferencesAction</name>
    <message>
        <source>&amp;Preferences…</source>
        <translation>환경 설정(&amp;P)…</translation>
    </message>
    <message>
        <source>The Python interpreter, the time and work scales, the language and presentation mode</source>
        <translation>파이썬 인터프리터, 시간 배율과 작업 배율, 언어, 발표 모드</translation>
    </message>
</context>
<context>
    <name>Forkline::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>환경 설정</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>&amp;Python interpreter:</source>
        <translation>파이썬 인터프리터(&amp;P):</translation>
    </message>
    <message>
        <source>The Python 3.8 or newer that runs Python programs: a path, or a name found on PATH. Empty: the default.</source>
        <translation>파이썬 프로그램을 실행할 Python 3.8 이상: 경로 또는 PATH에서 찾을 이름. 비워 두면 기본값.</translation>
    </message>
    <message>
        <source>Choose the interpreter&apos;s program file</source>
        <translation>인터프리터 프로그램 파일을 고릅니다</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>찾아보기(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Time scale:</source>
        <translation>시간 배율(&amp;T):</translation>
    </message>
    <message>
        <source>Every sleep of a scenario is multiplied by this. 1 runs a lesson at its own pace; 0 runs it with no sleeps at all. The toolbar shows the same number.</source>
        <translation>시나리오의 모든 sleep에 이 값을 곱합니다. 1은 수업을 원래 속도로, 0은 sleep 없이 실행합니다. 도구 모음에도 같은 값이 보입니다.</translation>
    </message>
    <message>
        <source> ×</source>
        <translation> ×</translation>
    </message>
    <message>
        <source>&amp;Work scale:</source>
        <translation>작업 배율(&amp;W):</translation>
    </message>
    <message>
        <source>Every compute step sums this fraction of its numbers: less for a slow computer. The toolbar shows the same number.</source>
        <translation>모든 계산 단계가 숫자의 이 비율만큼만 더합니다: 느린 컴퓨터에서는 더 작게. 도구 모음에도 같은 값이 보입니다.</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>표시</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>언어(&amp;L):</translation>
    </message>
    <message>
        <source>The language of the window; it changes as soon as you press OK</source>
        <translation>창의 언어; 확인을 누르면 바로 바뀝니다</translation>
    </message>
    <message>
        <source>Larger text and taller lanes, readable from the back of a classroom (View &gt; Presentation Mode)</source>
        <translation>더 큰 글자와 더 높은 레인, 교실 뒤에서도 읽을 수 있게 (보기 &gt; 발표 모드)</translation>
    </message>
    <message>
        <source>Presentation &amp;mode</source>
        <translation>발표 모드(&amp;M)</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (기본값)</translation>
    </message>
    <message>
        <source>Python Interpreter</source>
        <translation>파이썬 인터프리터</translation>
    </message>
    <message>
        <source>No program &quot;%1&quot; was found; a Python run will say so.</source>
        <translation>&quot;%1&quot; 프로그램을 찾지 못했습니다. 파이썬 실행 때 이를 알려 줍니다.</translation>
    </message>
</context>
<context>
    <name>Forkline::ProcessHost</name>
    <message>
        <source>RuntimeError: cannot release un-acquired lock (%1)</source>
        <translation>RuntimeError: cannot release un-acquired lock (%1)</translation>
    </message>
    <message>
        <source>AttributeError: &quot;%1&quot; is not a condition (declare it in &quot;conditions&quot;)</source>
        <translation>AttributeError: &quot;%1&quot; is not a condition (declare it in &quot;conditions&quot;)</translation>
    </message>
    <message>
        <source>RuntimeError: cannot wait on un-acquired lock (%1)</source>
        <translation>RuntimeError: cannot wait on un-acquired lock (%1)</translation>
    </message>
    <message>
        <source>RuntimeError: cannot notify on un-acquired lock (%1)</source>
        <translation>RuntimeError: cannot notify on un-acquired lock (%1)</translation>
    </message>
    <message>
        <source>lock %1</source>
        <translation>락 %1</translation>
    </message>
    <message>
        <source>exit</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>join</source>
        <translation>join</translation>
    </message>
    <message>
        <source>%1 waits for %2 (%3)</source>
        <translation>%1이(가) %2을(를) 기다림 (%3)</translation>
    </message>
    <message>
        <source>Deadlock: %1</source>
        <translation>교착 상태: %1</translation>
    </message>
    <message>
        <source>stopped on request</source>
        <translation>요청에 따라 중지함</translation>
    </message>
    <message>
        <source>AssertionError: cannot start a process twice (%1)</source>
        <translation>AssertionError: cannot start a process twice (%1)</translation>
    </message>
    <message>
        <source>RuntimeError: threads can only be started once (%1)</source>
        <translation>RuntimeError: threads can only be started once (%1)</translation>
    </message>
    <message>
        <source>could not start: %1</source>
        <translation>시작할 수 없었습니다: %1</translation>
    </message>
    <message>
        <source>Process %1 could not start: %2</source>
        <translation>프로세스 %1 시작 실패: %2</translation>
    </message>
    <message>
        <source>RuntimeError: cannot join current thread (%1)</source>
        <translation>RuntimeError: cannot join current thread (%1)</translation>
    </message>
    <message>
        <source>AssertionError: can only join a started process (%1)</source>
        <translation>AssertionError: can only join a started process (%1)</translation>
    </message>
    <message>
        <source>RuntimeError: cannot join thread before it is started (%1)</source>
        <translation>RuntimeError: cannot join thread before it is started (%1)</translation>
    </message>
    <message>
        <source>AttributeError: cannot terminate a process that was never started (%1)</source>
        <translation>AttributeError: 시작한 적 없는 프로세스는 terminate할 수 없습니다 (%1)</translation>
    </message>
    <message>
        <source>Exception in %1: %2</source>
        <translation>Exception in %1: %2</translation>
    </message>
    <message>
        <source>ValueError: &quot;%1&quot; is not a whole number that fits in 64 bits</source>
        <translation>ValueError: 64비트에 들어가는 정수가 아닙니다: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>BrokenPipeError: %1</source>
        <translation>BrokenPipeError: %1</translation>
    </message>
    <message>
        <source>queue.Empty: nothing arrived on &quot;%1&quot; within %2 s</source>
        <translation>queue.Empty: %2초 안에 &quot;%1&quot; 큐에 아무것도 오지 않았습니다</translation>
    </message>
    <message>
        <source>MemoryError: cannot allocate %1 MiB</source>
        <translation>MemoryError: %1 MiB를 할당할 수 없습니다</translation>
    </message>
    <message>
        <source>NameError: no buffer &quot;%1&quot;</source>
        <translation>NameError: &quot;%1&quot; 버퍼가 없습니다</translation>
    </message>
    <message>
        <source>recv %1</source>
        <translation>%1 수신 대기</translation>
    </message>
    <message>
        <source>forkline: 1 process worker could not reach the collector; its events are missing from the run</source>
        <translation>forkline: 프로세스 워커 1개가 수집기에 연결하지 못했습니다. 그 이벤트는 이 실행에 없습니다</translation>
    </message>
    <message>
        <source>forkline: %1 process workers could not reach the collector; their events are missing from the run</source>
        <translation>forkline: 프로세스 워커 %1개가 수집기에 연결하지 못했습니다. 그 이벤트는 이 실행에 없습니다</translation>
    </message>
    <message>
        <source>could not reach the collector: its events are missing</source>
        <translation>수집기에 연결하지 못함: 이벤트가 없습니다</translation>
    </message>
</context>
<context>
    <name>Forkline::ProcessWorkers</name>
    <message>
        <source>the fork server has gone</source>
        <translation>포크 서버가 종료되었습니다</translation>
    </message>
    <message>
        <source>the fork server did not answer</source>
        <translation>포크 서버가 응답하지 않았습니다</translation>
    </message>
</context>
<context>
    <name>Forkline::ProjectorLayout</name>
    <message>
        <source>Show &amp;Panels</source>
        <translation>패널 보이기(&amp;P)</translation>
    </message>
    <message>
        <source>In presentation mode: bring back the lesson list and the tool bar (F9)</source>
        <translation>발표 모드에서 레슨 목록과 도구 모음을 다시 보여 줍니다 (F9)</translation>
    </message>
</context>
<context>
    <name>Forkline::PythonInterpreterAction</name>
    <message>
        <source>&amp;Python Interpreter…</source>
        <translation>파이썬 인터프리터(&amp;P)…</translation>
    </message>
    <message>
        <source>The interpreter that runs Python programs: %1</source>
        <translation>파이썬 프로그램을 실행하는 인터프리터: %1</translation>
    </message>
    <message>
        <source>Python Interpreter</source>
        <translation>파이썬 인터프리터</translation>
    </message>
    <message>
        <source>The Python 3.8 or newer that runs Python programs: a path, or a name found on PATH.
Leave it empty for the default (%1).</source>
        <translation>파이썬 프로그램을 실행할 파이썬 3.8 이상: 경로 또는 PATH에서 찾을 이름.
비워 두면 기본값(%1)을 씁니다.</translation>
    </message>
</context>
<context>
    <name>Forkline::PythonLauncher</name>
    <message>
        <source>%1: no such file</source>
        <translation>%1: 파일이 없습니다</translation>
    </message>
    <message>
        <source>%1: not a file</source>
        <translation>%1: 파일이 아닙니다</translation>
    </message>
    <message>
        <source>%1: cannot read it: %2</source>
        <translation>%1: 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1:%2: not UTF-8 text; save the program as UTF-8 to run it</source>
        <translation>%1:%2: UTF-8 텍스트가 아닙니다; 실행하려면 프로그램을 UTF-8로 저장하세요</translation>
    </message>
    <message>
        <source>no Python interpreter: &quot;%1&quot; was not found; install Python 3.8 or newer (python.org, or &quot;sudo apt install python3&quot;) or name one with --python PATH</source>
        <translation>파이썬 인터프리터가 없습니다: &quot;%1&quot;을(를) 찾지 못했습니다; Python 3.8 이상을 설치하거나 (python.org 또는 &quot;sudo apt install python3&quot;) --python PATH로 지정하세요</translation>
    </message>
    <message>
        <source>no Python interpreter at &quot;%1&quot;: %2; name another with --python PATH</source>
        <translation>&quot;%1&quot;에 파이썬 인터프리터가 없습니다: %2; --python PATH로 다른 것을 지정하세요</translation>
    </message>
    <message>
        <source>&quot;%1&quot; did not answer; name another interpreter with --python PATH</source>
        <translation>&quot;%1&quot;이(가) 응답하지 않습니다; --python PATH로 다른 인터프리터를 지정하세요</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Python interpreter that Forkline can use; name another with --python PATH</source>
        <translation>&quot;%1&quot;은(는) Forkline이 쓸 수 있는 파이썬 인터프리터가 아닙니다; --python PATH로 다른 것을 지정하세요</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is Python %2; tracing needs Python 3.8 or newer: name another with --python PATH</source>
        <translation>&quot;%1&quot;은(는) Python %2입니다; 추적하려면 Python 3.8 이상이 필요합니다: --python PATH로 다른 것을 지정하세요</translation>
    </message>
</context>
<context>
    <name>Forkline::PythonTracer</name>
    <message>
        <source>FORKLINE_PYTHON_TRACER names %1, which has no sitecustomize.py</source>
        <translation>FORKLINE_PYTHON_TRACER가 가리키는 %1에 sitecustomize.py가 없습니다</translation>
    </message>
    <message>
        <source>this build has no Python tracer in it</source>
        <translation>이 빌드에는 파이썬 추적기가 들어 있지 않습니다</translation>
    </message>
    <message>
        <source>%1 is not this user&apos;s own folder</source>
        <translation>%1은(는) 이 사용자의 폴더가 아닙니다</translation>
    </message>
    <message>
        <source>cannot move %1 into place</source>
        <translation>%1을(를) 제자리로 옮길 수 없습니다</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>%1을(를) 만들 수 없습니다</translation>
    </message>
    <message>
        <source>cannot write the Python tracer&apos;s files: %1</source>
        <translation>파이썬 추적기 파일을 쓸 수 없습니다: %1</translation>
    </message>
    <message>
        <source>no built-in program %1</source>
        <translation>내장 프로그램 %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>Forkline::RecentFilesMenu</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>메뉴 비우기(&amp;C)</translation>
    </message>
    <message>
        <source>Forget the recently opened files</source>
        <translation>최근에 연 파일 목록을 지웁니다</translation>
    </message>
</context>
<context>
    <name>Forkline::ReplayBar</name>
    <message>
        <source>Replay: drag to move the playhead through the run; the console shows only what was printed up to there</source>
        <translation>다시 보기: 드래그해서 재생 헤드를 옮깁니다. 콘솔에는 그 시점까지 출력된 것만 보입니다</translation>
    </message>
    <message>
        <source>The playhead&apos;s time and the length of the run</source>
        <translation>재생 헤드의 시간과 실행 전체의 길이</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Replay speed: 1× plays the run as fast as it happened, 0.1× ten times slower ([ slower, ] faster)</source>
        <translation>다시 보기 속도: 1×는 실제로 일어난 속도 그대로, 0.1×는 열 배 느리게 재생합니다 ([ 느리게, ] 빠르게)</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source> Spee&amp;d:</source>
        <translation> 속도(&amp;D):</translation>
    </message>
    <message>
        <source>Replay position</source>
        <translation>다시 보기 위치</translation>
    </message>
</context>
<context>
    <name>Forkline::ReplayController</name>
    <message>
        <source>Replay speed %1×</source>
        <translation>다시 보기 속도 %1×</translation>
    </message>
    <message>
        <source>&amp;Replay</source>
        <translation>다시 보기(&amp;R)</translation>
    </message>
    <message>
        <source>Replay the run with a playhead: play it slowly or step from event to event</source>
        <translation>재생 헤드로 실행을 다시 봅니다. 천천히 재생하거나 이벤트에서 이벤트로 한 걸음씩 옮길 수 있습니다</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>재생(&amp;P)</translation>
    </message>
    <message>
        <source>Play or pause the replay</source>
        <translation>다시 보기를 재생하거나 일시 정지합니다</translation>
    </message>
    <message>
        <source>Pre&amp;vious Event</source>
        <translation>이전 이벤트(&amp;V)</translation>
    </message>
    <message>
        <source>Move the playhead back to the previous moment something happened</source>
        <translation>재생 헤드를 무언가 일어났던 바로 앞 순간으로 옮깁니다</translation>
    </message>
    <message>
        <source>&amp;Next Event</source>
        <translation>다음 이벤트(&amp;N)</translation>
    </message>
    <message>
        <source>Move the playhead on to the next moment something happens</source>
        <translation>재생 헤드를 무언가 일어나는 다음 순간으로 옮깁니다</translation>
    </message>
    <message>
        <source>To &amp;Start</source>
        <translation>처음으로(&amp;S)</translation>
    </message>
    <message>
        <source>Move the playhead to the start of the run</source>
        <translation>재생 헤드를 실행의 처음으로 옮깁니다</translation>
    </message>
    <message>
        <source>To &amp;End</source>
        <translation>끝으로(&amp;E)</translation>
    </message>
    <message>
        <source>Move the playhead to the end of the run</source>
        <translation>재생 헤드를 실행의 끝으로 옮깁니다</translation>
    </message>
    <message>
        <source>S&amp;lower</source>
        <translation>느리게(&amp;L)</translation>
    </message>
    <message>
        <source>Replay more slowly</source>
        <translation>더 느리게 재생합니다</translation>
    </message>
    <message>
        <source>&amp;Faster</source>
        <translation>빠르게(&amp;F)</translation>
    </message>
    <message>
        <source>Replay faster</source>
        <translation>더 빠르게 재생합니다</translation>
    </message>
    <message>
        <source>Leave &amp;Replay</source>
        <translation>다시 보기 끝내기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>일시 정지(&amp;P)</translation>
    </message>
    <message>
        <source>Replay: Space plays and pauses, Left and Right step from event to event, Esc leaves</source>
        <translation>다시 보기: Space는 재생/일시 정지, 왼쪽·오른쪽 화살표는 이벤트 사이 이동, Esc는 끝내기</translation>
    </message>
    <message>
        <source>Replay left: the whole run shows again</source>
        <translation>다시 보기를 끝냈습니다. 실행 전체가 다시 보입니다</translation>
    </message>
    <message>
        <source>Nothing happens after %1</source>
        <translation>%1 뒤에는 일어나는 일이 없습니다</translation>
    </message>
    <message>
        <source>Next event at %1</source>
        <translation>다음 이벤트: %1</translation>
    </message>
    <message>
        <source>Nothing happens before %1</source>
        <translation>%1 전에는 일어난 일이 없습니다</translation>
    </message>
    <message>
        <source>Previous event at %1</source>
        <translation>이전 이벤트: %1</translation>
    </message>
    <message>
        <source>Playing at %1×</source>
        <translation>%1× 속도로 재생 중</translation>
    </message>
    <message>
        <source>Replay reached the end of the run</source>
        <translation>다시 보기가 실행의 끝에 닿았습니다</translation>
    </message>
</context>
<context>
    <name>Forkline::RunControls</name>
    <message>
        <source>&amp;GIL</source>
        <translation>&amp;GIL</translation>
    </message>
    <message>
        <source>Global interpreter lock (GIL): in CPython only the thread that holds it may run Python code, so the threads of one process take turns and two threads sum no faster than one (watch computing and waiting: GIL alternate). Off: threads compute truly in parallel, as C++ threads or free-threaded Python 3.13 do. Each process has its own GIL either way. Starts as the scenario says; applies to the next run.</source>
        <translation>전역 인터프리터 락(GIL): CPython에서는 GIL을 쥔 스레드만 파이썬 코드를 실행할 수 있습니다. 그래서 한 프로세스의 스레드들은 번갈아 실행되고, 스레드 두 개로 더해도 하나로 더할 때보다 빠르지 않습니다 (computing과 waiting: GIL이 번갈아 나오는 것을 보세요). 끄면 C++ 스레드나 free-threaded Python 3.13처럼 스레드들이 정말로 병렬로 계산합니다. 어느 쪽이든 프로세스마다 GIL이 따로 있습니다. 처음에는 시나리오에 적힌 대로이고, 바꾸면 다음 실행부터 적용됩니다.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Switch the simulated global interpreter lock on or off for the next run</source>
        <translation>다음 실행에서 흉내 낸 전역 인터프리터 락(GIL)을 켜거나 끕니다</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Switch interval</source>
        <translation>전환 간격</translation>
    </message>
    <message>
        <source>Switch interval, like sys.setswitchinterval(): how long a thread may keep the GIL while another thread waits for it. Shorter turns mean more hand-overs (finer stripes of computing and waiting: GIL), longer ones fewer; the total hardly changes, because only one thread computes at a time. CPython&apos;s default is 5 ms. Matters only with the GIL on.</source>
        <translation>전환 간격은 sys.setswitchinterval()과 같습니다. 다른 스레드가 GIL을 기다릴 때 한 스레드가 GIL을 얼마나 오래 쥐고 있을 수 있는지 정합니다. 짧을수록 GIL을 더 자주 넘겨주고 (computing과 waiting: GIL 줄무늬가 더 촘촘해짐), 길수록 덜 넘겨줍니다. 한 번에 한 스레드만 계산하므로 전체 시간은 거의 그대로입니다. CPython의 기본값은 5 ms입니다. GIL이 켜져 있을 때만 의미가 있습니다.</translation>
    </message>
    <message>
        <source> ×</source>
        <translation> ×</translation>
    </message>
    <message>
        <source>Work scale</source>
        <translation>작업 배율</translation>
    </message>
    <message>
        <source>Work scale: every compute step sums this fraction of its numbers. 1 does the lesson&apos;s whole sums; 0.01 turns ten seconds of summing into a tenth of a second, for a slow computer or a quick look. The proportions between threads, processes and the GIL stay the same.</source>
        <translation>작업 배율: 모든 compute 단계가 더할 수 중 이 비율만큼만 더합니다. 1이면 예제의 합을 전부 계산하고, 0.01이면 10초 걸리는 합을 0.1초로 줄입니다. 느린 컴퓨터에서나 빠르게 훑어볼 때 쓰세요. 스레드, 프로세스, GIL 사이의 비율은 그대로입니다.</translation>
    </message>
    <message>
        <source> Wor&amp;k scale: </source>
        <translation> 작업 배율(&amp;K): </translation>
    </message>
    <message>
        <source>GIL on</source>
        <translation>GIL 켬</translation>
    </message>
    <message>
        <source>GIL off</source>
        <translation>GIL 끔</translation>
    </message>
    <message>
        <source>switch interval %1 ms</source>
        <translation>전환 간격 %1 ms</translation>
    </message>
    <message>
        <source>work scale %1×</source>
        <translation>작업 배율 %1×</translation>
    </message>
    <message>
        <source> Switch i&amp;nterval: </source>
        <translation> 전환 간격(&amp;N): </translation>
    </message>
</context>
<context>
    <name>Forkline::ScenarioLoader</name>
    <message>
        <source>missing &quot;%1&quot;</source>
        <translation>&quot;%1&quot; 항목이 없습니다</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a string, not %2</source>
        <translation>&quot;%1&quot; 값은 문자열이어야 합니다 (지금은 %2)</translation>
    </message>
    <message>
        <source>unknown member &quot;%1&quot; in %2 (allowed: %3)</source>
        <translation>%2 안의 알 수 없는 멤버: &quot;%1&quot; (쓸 수 있는 멤버: %3)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; appears twice in %2</source>
        <translation>%2 안에 &quot;%1&quot; 항목이 두 번 나옵니다</translation>
    </message>
    <message>
        <source>&quot;translations&quot; must be an object of languages, not %1</source>
        <translation>&quot;translations&quot;는 언어별 객체여야 합니다 (지금은 %1)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a language code such as &quot;ko&quot; or &quot;pt_BR&quot;</source>
        <translation>&quot;%1&quot;은(는) &quot;ko&quot;나 &quot;pt_BR&quot; 같은 언어 코드가 아닙니다</translation>
    </message>
    <message>
        <source>&quot;translations&quot;</source>
        <translation>&quot;translations&quot;</translation>
    </message>
    <message>
        <source>a translation must be an object, not %1</source>
        <translation>번역은 객체여야 합니다 (지금은 %1)</translation>
    </message>
    <message>
        <source>a translation</source>
        <translation>번역</translation>
    </message>
    <message>
        <source>steps must be an array, not %1</source>
        <translation>steps는 배열이어야 합니다 (지금은 %1)</translation>
    </message>
    <message>
        <source>repeat blocks are nested too deeply (at most 32 levels)</source>
        <translation>repeat 블록이 너무 깊이 중첩되었습니다 (최대 32단계)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes a worker name</source>
        <translation>&quot;%1&quot; 값은 워커 이름이어야 합니다</translation>
    </message>
    <message>
        <source>a step must be an object such as {&quot;print&quot;: &quot;text&quot;}, not %1</source>
        <translation>단계는 {&quot;print&quot;: &quot;text&quot;} 같은 객체여야 합니다 (지금은 %1)</translation>
    </message>
    <message>
        <source>too many steps (at most %1)</source>
        <translation>단계가 너무 많습니다 (최대 %1개)</translation>
    </message>
    <message>
        <source>empty step</source>
        <translation>빈 단계</translation>
    </message>
    <message>
        <source>&quot;print&quot; takes a string, not %1</source>
        <translation>&quot;print&quot; 값은 문자열이어야 합니다 (지금은 %1)</translation>
    </message>
    <message>
        <source>a print step</source>
        <translation>print 단계</translation>
    </message>
    <message>
        <source>&quot;sleep&quot; takes a number of seconds, not %1</source>
        <translation>&quot;sleep&quot; 값은 초 단위 숫자여야 합니다 (지금은 %1)</translation>
    </message>
    <message>
        <source>&quot;sleep&quot; cannot be negative (%1)</source>
        <translation>&quot;sleep&quot; 값은 음수일 수 없습니다 (%1)</translation>
    </message>
    <message>
        <source>&quot;sleep&quot; is longer than a day (%1 s)</source>
        <translation>&quot;sleep&quot; 값이 하루보다 깁니다 (%1초)</translation>
    </message>
    <message>
        <source>a sleep step</source>
        <translation>sleep 단계</translation>
    </message>
    <message>
        <source>a %1 step</source>
        <translation>%1 단계</translation>
    </message>
    <message>
        <source>&quot;repeat&quot; takes a whole number of times</source>
        <translation>&quot;repeat&quot; 값은 반복 횟수(정수)여야 합니다</translation>
    </message>
    <message>
        <source>&quot;repeat&quot; is limited to %1 times</source>
        <translation>&quot;repeat&quot;은 최대 %1번까지입니다</translation>
    </message>
    <message>
        <source>a repeat step</source>
        <translation>repeat 단계</translation>
    </message>
    <message>
        <source>&quot;repeat&quot; needs &quot;steps&quot;</source>
        <translation>&quot;repeat&quot;에는 &quot;steps&quot;가 필요합니다</translation>
    </message>
    <message>
        <source>&quot;input&quot; takes the prompt text</source>
        <translation>&quot;input&quot; 값은 프롬프트 텍스트입니다</translation>
    </message>
    <message>
        <source>an input step</source>
        <translation>input 단계</translation>
    </message>
    <message>
        <source>&quot;crash&quot; takes &quot;abort&quot; or &quot;segfault&quot;</source>
        <translation>&quot;crash&quot; 값은 &quot;abort&quot; 또는 &quot;segfault&quot;입니다</translation>
    </message>
    <message>
        <source>a crash step</source>
        <translation>crash 단계</translation>
    </message>
    <message>
        <source>&quot;raise&quot; takes the name of an exception class, such as &quot;ValueError&quot;</source>
        <translation>&quot;raise&quot;에는 &quot;ValueError&quot;처럼 예외 클래스의 이름을 씁니다</translation>
    </message>
    <message>
        <source>&quot;raise&quot; cannot raise %1 (it does not end a flow as an error does)</source>
        <translation>&quot;raise&quot;로 %1을(를) 일으킬 수 없습니다 (오류처럼 흐름을 끝내지 않습니다)</translation>
    </message>
    <message>
        <source>a raise step</source>
        <translation>raise 단계</translation>
    </message>
    <message>
        <source>unknown step &quot;%1&quot; (known: %2)</source>
        <translation>알 수 없는 단계 &quot;%1&quot; (쓸 수 있는 단계: %2)</translation>
    </message>
    <message>
        <source>a worker must be an object, not %1</source>
        <translation>워커는 객체여야 합니다 (지금은 %1)</translation>
    </message>
    <message>
        <source>a worker</source>
        <translation>워커</translation>
    </message>
    <message>
        <source>a worker needs a name other than &quot;&quot;, &quot;all&quot; and &quot;main&quot;</source>
        <translation>워커에는 &quot;&quot;, &quot;all&quot;, &quot;main&quot;이 아닌 이름이 필요합니다</translation>
    </message>
    <message>
        <source>&quot;kind&quot; is &quot;thread&quot; or &quot;process&quot;, not &quot;%1&quot;</source>
        <translation>&quot;kind&quot; 값은 &quot;thread&quot; 또는 &quot;process&quot;여야 합니다 (지금은 &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>&quot;daemon&quot; must be true or false</source>
        <translation>&quot;daemon&quot; 값은 true 또는 false여야 합니다</translation>
    </message>
    <message>
        <source>worker &quot;%1&quot; has no &quot;steps&quot;</source>
        <translation>워커 &quot;%1&quot;에 &quot;steps&quot;가 없습니다</translation>
    </message>
    <message>
        <source>a scenario must be a JSON object, not %1</source>
        <translation>시나리오는 JSON 객체여야 합니다 (지금은 %1)</translation>
    </message>
    <message>
        <source>a scenario</source>
        <translation>시나리오</translation>
    </message>
    <message>
        <source>unsupported format (this version reads format 1)</source>
        <translation>지원하지 않는 형식입니다 (이 버전은 format 1을 읽습니다)</translation>
    </message>
    <message>
        <source>missing &quot;main&quot; (the main thread&apos;s steps)</source>
        <translation>&quot;main&quot;이 없습니다 (메인 스레드가 할 단계들)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names an unknown worker &quot;%2&quot;</source>
        <translation>&quot;%1&quot;에 지정한 &quot;%2&quot; 워커가 없습니다</translation>
    </message>
    <message>
        <source>cannot terminate thread &quot;%1&quot;: a thread cannot be killed from outside (only processes can)</source>
        <translation>&quot;%1&quot; 스레드는 terminate할 수 없습니다: 스레드는 밖에서 죽일 수 없습니다 (프로세스만 가능합니다)</translation>
    </message>
    <message>
        <source>cannot kill thread &quot;%1&quot;: a thread cannot be killed from outside (only processes can)</source>
        <translation>&quot;%1&quot; 스레드는 kill할 수 없습니다: 스레드는 밖에서 죽일 수 없습니다 (프로세스만 가능합니다)</translation>
    </message>
    <message>
        <source>worker &quot;%1&quot; is started more than once (a thread or process can only be started once)</source>
        <translation>&quot;%1&quot; 워커를 두 번 이상 시작합니다 (스레드나 프로세스는 한 번만 시작할 수 있습니다)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; on worker &quot;%2&quot;, which no step starts</source>
        <translation>&quot;%2&quot; 워커에 &quot;%1&quot; 단계가 있지만, 이 워커를 시작하는 단계가 없습니다</translation>
    </message>
    <message>
        <source>a join step</source>
        <translation>join 단계</translation>
    </message>
    <message>
        <source>&quot;timeout&quot; takes a number of seconds from 0 to a day</source>
        <translation>&quot;timeout&quot; 값은 0초에서 하루 사이의 초 단위 수여야 합니다</translation>
    </message>
    <message>
        <source>&quot;count&quot; takes a whole number from 1 to %1</source>
        <translation>&quot;count&quot; 값은 1에서 %1 사이의 정수여야 합니다</translation>
    </message>
</context>
<context>
    <name>Forkline::ScenarioPanel</name>
    <message>
        <source>Scenario</source>
        <translation>시나리오</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Built-in scenarios in the order of the lessons, and scenario files you opened. Double-click one to run it.</source>
        <translation>수업 순서대로 놓인 내장 시나리오와 직접 연 시나리오 파일입니다. 두 번 클릭하면 실행합니다.</translation>
    </message>
    <message>
        <source>What the selected scenario does</source>
        <translation>선택한 시나리오가 하는 일</translation>
    </message>
    <message>
        <source>&amp;Scenarios</source>
        <translation>시나리오(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Workers</source>
        <translation>워커(&amp;W)</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>(설명 없음)</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>시나리오</translation>
    </message>
</context>
<context>
    <name>Forkline::SelectionDetails</name>
    <message>
        <source>Details of the box or mark selected on the timeline. Esc clears the selection.</source>
        <translation>타임라인에서 선택한 상자나 마크의 세부 정보입니다. Esc를 누르면 선택을 해제합니다.</translation>
    </message>
    <message>
        <source>Thread</source>
        <translation>스레드</translation>
    </message>
    <message>
        <source>main thread of its process</source>
        <translation>프로세스의 메인 스레드</translation>
    </message>
    <message>
        <source>thread</source>
        <translation>스레드</translation>
    </message>
    <message>
        <source>daemon</source>
        <translation>데몬</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>TID</source>
        <translation>TID</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>부모</translation>
    </message>
    <message>
        <source>%1 · PID %2 · TID %3</source>
        <translation>%1 · PID %2 · TID %3</translation>
    </message>
    <message>
        <source>PID %1 · %2</source>
        <translation>PID %1 · %2</translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>기록 없음</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>선택한 것 없음</translation>
    </message>
    <message>
        <source>Click a box or a mark on the timeline, or a line in the console, to see here what it is, when it happened and which thread did it.</source>
        <translation>타임라인의 상자나 마크, 또는 콘솔의 줄을 클릭하면 그것이 무엇인지, 언제 일어났는지, 어느 스레드가 했는지 여기에 보입니다.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>%1 (shown as %2)</source>
        <translation>%1 (표시: %2)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>End</source>
        <translation>끝</translation>
    </message>
    <message>
        <source>still going</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>길이</translation>
    </message>
    <message>
        <source>%1 so far</source>
        <translation>지금까지 %1</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>마크</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>깊이</translation>
    </message>
    <message>
        <source>%1, inside %2</source>
        <translation>%1, %2 안</translation>
    </message>
    <message>
        <source>Trace start</source>
        <translation>트레이스 시작</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>범위</translation>
    </message>
    <message>
        <source>the whole trace</source>
        <translation>트레이스 전체</translation>
    </message>
    <message>
        <source>the whole process</source>
        <translation>프로세스 전체</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>프로세스</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>범주</translation>
    </message>
</context>
<context>
    <name>Forkline::SpanLabel</name>
    <message>
        <source>sleep %1</source>
        <translation>잠자기 %1</translation>
    </message>
    <message>
        <source>compute %1</source>
        <translation>계산 %1</translation>
    </message>
    <message>
        <source>lock %1</source>
        <translation>락 %1</translation>
    </message>
    <message>
        <source>join %1</source>
        <translation>join %1 대기</translation>
    </message>
    <message>
        <source>get %1</source>
        <translation>큐 %1 대기</translation>
    </message>
    <message>
        <source>wait %1</source>
        <translation>%1 대기</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>a state and what it is about, &quot;deadlocked: th1&quot;</extracomment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Forkline::SpeedupChart</name>
    <message>
        <source>Speedup over one thread for each variant, with the GIL on and off. Click a bar to open that run&apos;s timeline.</source>
        <translation>변형마다 스레드 하나일 때보다 얼마나 빨라졌는지 GIL을 켰을 때와 껐을 때로 나눠 보여 줍니다. 막대를 클릭하면 그 실행의 타임라인을 엽니다.</translation>
    </message>
    <message>
        <source>GIL on</source>
        <translation>GIL 켬</translation>
    </message>
    <message>
        <source>GIL off</source>
        <translation>GIL 끔</translation>
    </message>
    <message>
        <source>speedup over 1 thread (higher is faster)</source>
        <translation>스레드 1개 대비 속도 향상 (높을수록 빠름)</translation>
    </message>
    <message>
        <source>not enough memory for the picture</source>
        <translation>그림을 만들 메모리가 부족합니다</translation>
    </message>
    <message>
        <source>%1 (timings unreliable: other programs were busy)</source>
        <translation>%1 (시간을 믿을 수 없음: 다른 프로그램이 실행 중)</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
</context>
<context>
    <name>Forkline::TimeAxis</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>0 s = %1</source>
        <translation>0 s = %1</translation>
    </message>
</context>
<context>
    <name>Forkline::TimelineAccessible</name>
    <message>
        <source>Timeline</source>
        <translation>타임라인</translation>
    </message>
    <message>
        <source>No run yet: run a scenario or open a trace</source>
        <translation>아직 실행이 없습니다: 시나리오를 실행하거나 트레이스를 여세요</translation>
    </message>
    <message>
        <source>%1 lanes, from %2 to %3</source>
        <translation>레인 %1개, %2부터 %3까지</translation>
    </message>
</context>
<context>
    <name>Forkline::TimelineDocument</name>
    <message>
        <source>Forkline run</source>
        <translation>Forkline 실행</translation>
    </message>
    <message>
        <source>1 thread</source>
        <translation>스레드 1개</translation>
    </message>
    <message>
        <source>%1 threads</source>
        <translation>스레드 %1개</translation>
    </message>
    <message>
        <source>1 process</source>
        <translation>프로세스 1개</translation>
    </message>
    <message>
        <source>%1 processes</source>
        <translation>프로세스 %1개</translation>
    </message>
    <message>
        <source>%1 in all</source>
        <translation>모두 %1</translation>
    </message>
    <message>
        <source>%1 of %2 threads are not drawn here: %3.</source>
        <translation>스레드 %2개 중 %1개는 여기에 그리지 않았습니다: %3.</translation>
    </message>
    <message>
        <source>compact time: 1 idle stretch drawn short</source>
        <translation>시간 압축: 유휴 구간 1개를 짧게 그림</translation>
    </message>
    <message>
        <source>compact time: %1 idle stretches drawn short</source>
        <translation>시간 압축: 유휴 구간 %1개를 짧게 그림</translation>
    </message>
    <message>
        <source>%1 more threads not drawn (%2 in all): %3.</source>
        <translation>스레드 %1개를 더 그리지 않았습니다 (전체 %2개): %3.</translation>
    </message>
</context>
<context>
    <name>Forkline::TimelineEventAccessible</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>from %1 to %2, %3</source>
        <translation>%1부터 %2까지, %3</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>%1 시점</translation>
    </message>
    <message>
        <source>%1, nested at depth %2</source>
        <translation>%1, 깊이 %2에 중첩</translation>
    </message>
</context>
<context>
    <name>Forkline::TimelineLaneAccessible</name>
    <message>
        <source>main thread of process %1</source>
        <translation>프로세스 %1의 메인 스레드</translation>
    </message>
    <message>
        <source>thread %1 of process %2</source>
        <translation>프로세스 %2의 스레드 %1</translation>
    </message>
    <message>
        <source>%1, daemon</source>
        <translation>%1, 데몬</translation>
    </message>
    <message>
        <source>%1; %2 states and %3 events</source>
        <translation>%1. 상태 %2개와 사건 %3개</translation>
    </message>
</context>
<context>
    <name>Forkline::TimelineLayout</name>
    <message>
        <source>thread</source>
        <translation>스레드</translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>parent %1</source>
        <translation>부모 %1</translation>
    </message>
    <message>
        <source>daemon</source>
        <translation>데몬</translation>
    </message>
    <message>
        <source>tid %1</source>
        <translation>tid %1</translation>
    </message>
</context>
<context>
    <name>Forkline::TimelineLegend</name>
    <message>
        <source>States</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>이벤트</translation>
    </message>
    <message>
        <source>Arrows</source>
        <translation>화살표</translation>
    </message>
</context>
<context>
    <name>Forkline::TimelineOverlay</name>
    <message>
        <source>not started</source>
        <translation>시작 전</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>끝남</translation>
    </message>
</context>
<context>
    <name>Forkline::TimelinePainter</name>
    <message>
        <source>tid %1</source>
        <translation>tid %1</translation>
    </message>
    <message>
        <source>daemon</source>
        <translation>데몬</translation>
    </message>
    <message>
        <source>%1 · PID %2 · TID %3</source>
        <translation>%1 · PID %2 · TID %3</translation>
    </message>
    <message>
        <source>main thread of its process</source>
        <translation>프로세스의 메인 스레드</translation>
    </message>
    <message>
        <source>1 thread.</source>
        <translation>스레드 1개.</translation>
    </message>
    <message>
        <source>%1 threads.</source>
        <translation>스레드 %1개.</translation>
    </message>
    <message>
        <source>Click to fold or unfold.</source>
        <translation>클릭하면 접거나 펼칩니다.</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>%1 시점</translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>since %1, %2 so far</source>
        <translation>%1부터, 지금까지 %2</translation>
    </message>
    <message>
        <source>from %1 to %2, %3</source>
        <translation>%1부터 %2까지, %3</translation>
    </message>
    <message>
        <source>code %1</source>
        <translation>코드 %1</translation>
    </message>
    <message>
        <source>a mark of the whole trace</source>
        <translation>트레이스 전체의 표시</translation>
    </message>
    <message>
        <source>a mark of the whole process: %1</source>
        <translation>프로세스 전체의 표시: %1</translation>
    </message>
</context>
<context>
    <name>Forkline::TimelineStyle</name>
    <message>
        <source>waiting: event / condition</source>
        <translation>waiting: event / condition</translation>
    </message>
    <message>
        <source>set / notify → wake</source>
        <translation>set / notify → wake</translation>
    </message>
    <message>
        <source>deadlocked</source>
        <translation>deadlocked</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>sleeping</source>
        <translation>잠자는 중</translation>
    </message>
    <message>
        <source>computing</source>
        <translation>계산 중</translation>
    </message>
    <message>
        <source>waiting: GIL</source>
        <translation>대기: GIL</translation>
    </message>
    <message>
        <source>waiting: lock</source>
        <translation>대기: 락</translation>
    </message>
    <message>
        <source>waiting: join</source>
        <translation>대기: join</translation>
    </message>
    <message>
        <source>waiting: input</source>
        <translation>대기: 입력</translation>
    </message>
    <message>
        <source>waiting: queue</source>
        <translation>대기: 큐</translation>
    </message>
    <message>
        <source>waiting: non-daemon threads (exit)</source>
        <translation>waiting: non-daemon threads (exit)</translation>
    </message>
    <message>
        <source>fork</source>
        <translation>포크</translation>
    </message>
    <message>
        <source>start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>print</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>end</source>
        <translation>끝</translation>
    </message>
    <message>
        <source>join</source>
        <translation>join 완료</translation>
    </message>
    <message>
        <source>killed</source>
        <translation>강제 종료됨</translation>
    </message>
    <message>
        <source>terminated</source>
        <translation>종료시킴</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>비정상 종료</translation>
    </message>
    <message>
        <source>aborted</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>main exit</source>
        <translation>메인 종료</translation>
    </message>
    <message>
        <source>send</source>
        <translation>보냄</translation>
    </message>
    <message>
        <source>receive</source>
        <translation>받음</translation>
    </message>
    <message>
        <source>terminate / kill</source>
        <translation>terminate / kill</translation>
    </message>
    <message>
        <source>event</source>
        <translation>이벤트</translation>
    </message>
    <message>
        <source>fork → start</source>
        <translation>포크 → 시작</translation>
    </message>
    <message>
        <source>end → join</source>
        <translation>끝 → join</translation>
    </message>
    <message>
        <source>terminate / kill → end</source>
        <translation>terminate / kill → end</translation>
    </message>
    <message>
        <source>message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>lock hand-over</source>
        <translation>락 넘겨주기</translation>
    </message>
    <message>
        <source>flow</source>
        <translation>흐름</translation>
    </message>
</context>
<context>
    <name>Forkline::TimelineView</name>
    <message>
        <source>Inferred, not reported: the system showed this thread asleep while another thread of its process was on a core, at a moment its tracer says it runs Python code (sampled every 5 ms from /proc). A thread blocked in a call the tracer does not wrap looks the same.</source>
        <translation>보고된 것이 아니라 추정한 것입니다: 트레이서가 파이썬 코드를 실행 중이라고 한 순간에, 같은 프로세스의 다른 스레드가 코어에 있는 동안 운영체제는 이 스레드가 잠들어 있다고 보았습니다(/proc에서 5ms마다 표본 추출). 트레이서가 감싸지 않는 호출에서 막힌 스레드도 똑같이 보입니다.</translation>
    </message>
    <message>
        <source>One lane per thread, grouped by process. Wheel: zoom around the mouse. Drag: pan. Shift+drag or right-drag: zoom to the selected range. 0: fit all. Click a process header to fold it, a box or a mark to see its details. Drag along the time axis to replay the run.</source>
        <translation>스레드마다 레인이 하나씩 있고, 프로세스별로 묶여 있습니다. 휠: 마우스 위치를 중심으로 확대/축소. 드래그: 이동. Shift+드래그나 오른쪽 드래그: 고른 범위로 확대. 0: 전체 보기. 프로세스 머리글을 클릭하면 접히고, 상자나 마크를 클릭하면 세부 정보가 보입니다. 시간 축을 따라 드래그하면 실행을 다시 봅니다.</translation>
    </message>
    <message>
        <source>Drag along the time axis to replay the run up to that moment</source>
        <translation>시간 축을 따라 드래그하면 그 순간까지 실행을 다시 봅니다</translation>
    </message>
    <message>
        <source>Starting the run…</source>
        <translation>실행을 시작하는 중…</translation>
    </message>
    <message>
        <source>Pick a scenario and press Run (F5).
Every thread gets a lane here.</source>
        <translation>시나리오를 고르고 실행(F5)을 누르세요.
스레드마다 여기에 레인이 하나씩 생깁니다.</translation>
    </message>
</context>
<context>
    <name>Forkline::TraceCallouts</name>
    <message>
        <source>%1 waited %2 for non-daemon workers</source>
        <translation>%1이(가) 데몬이 아닌 워커를 %2 기다림</translation>
    </message>
    <message>
        <source>%1 waited %2 for non-daemon processes</source>
        <translation>%1이(가) 데몬이 아닌 프로세스를 %2 기다림</translation>
    </message>
    <message>
        <source>%1 waited %2 for non-daemon threads</source>
        <translation>%1이(가) 데몬이 아닌 스레드를 %2 기다림</translation>
    </message>
    <message>
        <source>%1 killed when the main thread ended (daemon)</source>
        <translation>메인 스레드가 끝나 %1 강제 종료 (데몬)</translation>
    </message>
    <message>
        <source>%1 was terminated</source>
        <translation>%1 종료됨</translation>
    </message>
    <message>
        <source>%1 terminated %2</source>
        <translation>%1이(가) %2 종료시킴</translation>
    </message>
    <message>
        <source>%1 terminated %2 (%3)</source>
        <translation>%1이(가) %2 종료시킴 (%3)</translation>
    </message>
    <message>
        <source>%1 = %2, as expected</source>
        <translation>%1 = %2, 예상대로</translation>
    </message>
    <message>
        <source>%1 = %2, expected %3: %4 short</source>
        <translation>%1 = %2, 예상 %3: %4 부족</translation>
    </message>
    <message>
        <source>%1 = %2, expected %3: %4 over</source>
        <translation>%1 = %2, 예상 %3: %4 초과</translation>
    </message>
</context>
<context>
    <name>Forkline::TraceEventFramer</name>
    <message>
        <source>traceEvents[%1]</source>
        <translation>traceEvents[%1]</translation>
    </message>
    <message>
        <source>a value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>%1 is nested more than %2 levels deep</source>
        <translation>%1의 중첩이 %2단계보다 깊습니다</translation>
    </message>
    <message>
        <source>not a Chrome trace (it should start with { or [)</source>
        <translation>Chrome 트레이스가 아닙니다 ({ 또는 [로 시작해야 합니다)</translation>
    </message>
    <message>
        <source>not a Chrome trace (the object has no traceEvents array)</source>
        <translation>Chrome 트레이스가 아닙니다 (객체에 traceEvents 배열이 없습니다)</translation>
    </message>
    <message>
        <source>not valid JSON (a member name should follow)</source>
        <translation>올바른 JSON이 아닙니다 (멤버 이름이 와야 합니다)</translation>
    </message>
    <message>
        <source>not valid JSON (a colon should follow a member name)</source>
        <translation>올바른 JSON이 아닙니다 (멤버 이름 뒤에는 콜론이 와야 합니다)</translation>
    </message>
    <message>
        <source>not a Chrome trace (traceEvents is not an array)</source>
        <translation>Chrome 트레이스가 아닙니다 (traceEvents가 배열이 아닙니다)</translation>
    </message>
    <message>
        <source>not valid JSON (a comma or } should follow a member)</source>
        <translation>올바른 JSON이 아닙니다 (멤버 뒤에는 쉼표나 }가 와야 합니다)</translation>
    </message>
    <message>
        <source>not valid JSON (a comma or ] should follow traceEvents[%1])</source>
        <translation>올바른 JSON이 아닙니다 (traceEvents[%1] 뒤에는 쉼표나 ]가 와야 합니다)</translation>
    </message>
    <message>
        <source>not valid JSON (a value is missing)</source>
        <translation>올바른 JSON이 아닙니다 (값이 빠졌습니다)</translation>
    </message>
    <message>
        <source>not valid JSON (there is more text after the end of the trace)</source>
        <translation>올바른 JSON이 아닙니다 (트레이스가 끝난 뒤에도 텍스트가 더 있습니다)</translation>
    </message>
    <message>
        <source>not a Chrome trace (the file is empty)</source>
        <translation>Chrome 트레이스가 아닙니다 (파일이 비어 있습니다)</translation>
    </message>
    <message>
        <source>the file ends inside traceEvents[%1]: it is truncated</source>
        <translation>파일이 traceEvents[%1] 안에서 끝납니다. 파일이 잘렸습니다</translation>
    </message>
    <message>
        <source>the file ends before the trace is complete: it is truncated</source>
        <translation>트레이스가 다 끝나기 전에 파일이 끝납니다. 파일이 잘렸습니다</translation>
    </message>
</context>
<context>
    <name>Forkline::TraceOpener</name>
    <message>
        <source>Open a Chrome trace (.json) saved by Forkline, Perfetto or another tool (%1)</source>
        <translation>Forkline, Perfetto 등의 도구가 저장한 Chrome 트레이스(.json)를 엽니다 (%1)</translation>
    </message>
    <message>
        <source>Open a Chrome trace (.json) and show it on the timeline</source>
        <translation>Chrome 트레이스(.json)를 열어 타임라인에 보여 줍니다</translation>
    </message>
    <message>
        <source>Cancel Opening</source>
        <translation>열기 취소</translation>
    </message>
    <message>
        <source>Stop reading the trace; the timeline stays as it is (Esc)</source>
        <translation>트레이스 읽기를 멈춥니다. 타임라인은 그대로입니다 (Esc)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Open Trace</source>
        <translation>트레이스 열기</translation>
    </message>
    <message>
        <source>Chrome traces (*.json *.json.gz *.gz);;All files (*)</source>
        <translation>Chrome 트레이스 (*.json *.json.gz *.gz);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Stop the run before opening a trace.</source>
        <translation>트레이스를 열기 전에 실행을 중지하세요.</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 여는 중…</translation>
    </message>
    <message>
        <source>Opening %1 was cancelled; the timeline is as it was.</source>
        <translation>%1 열기를 취소했습니다. 타임라인은 그대로입니다.</translation>
    </message>
    <message>
        <source>%1 could not be opened as a trace.</source>
        <translation>%1을(를) 트레이스로 열 수 없었습니다.</translation>
    </message>
    <message>
        <source>Open T&amp;race…</source>
        <translation>트레이스 열기(&amp;R)…</translation>
    </message>
    <message>
        <source>%1 has no threads or events the timeline can show.</source>
        <translation>%1에는 타임라인에 보여 줄 스레드나 이벤트가 없습니다.</translation>
    </message>
</context>
<context>
    <name>Forkline::WindowHost</name>
    <message>
        <source>The window changes language when the run ends</source>
        <translation>실행이 끝나면 창의 언어가 바뀝니다</translation>
    </message>
</context>
<context>
    <name>Forkline::WorkerPanel</name>
    <message>
        <source>Worker</source>
        <translation>워커</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Daemon</source>
        <translation>데몬</translation>
    </message>
    <message>
        <source>Control</source>
        <translation>제어</translation>
    </message>
    <message>
        <source>Daemon, as in Python: when the main thread ends, the program does not wait for a daemon worker; it is killed where it stands (thread.daemon = True, Process(daemon=True)). A non-daemon worker keeps the program alive until it finishes. The scenario&apos;s own setting is the default; your choice applies to the next run.</source>
        <translation>데몬은 파이썬과 같습니다. 메인 스레드가 끝나면 프로그램은 데몬 워커를 기다리지 않고, 데몬 워커는 하던 일 중간에 그대로 끝납니다 (thread.daemon = True, Process(daemon=True)). 데몬이 아닌 워커는 끝날 때까지 프로그램을 살려 둡니다. 기본값은 시나리오의 설정이고, 여기서 고른 값은 다음 실행에 적용됩니다.</translation>
    </message>
    <message>
        <source>thread: a QThread inside the runner process; process: a separate child process with its own PID</source>
        <translation>thread: 러너 프로세스 안의 QThread, process: 자기 PID를 가진 별도의 자식 프로세스</translation>
    </message>
    <message>
        <source>During a run, end a worker from outside: a process can be terminated (SIGTERM, then SIGKILL); a thread can only be asked to stop, as in Python.</source>
        <translation>실행 중에 밖에서 워커를 끝냅니다. 프로세스는 강제 종료할 수 있고 (SIGTERM, 그다음 SIGKILL), 스레드는 파이썬에서처럼 멈춰 달라고 요청만 할 수 있습니다.</translation>
    </message>
    <message>
        <source>The workers the scenario starts. Tick Daemon (or press Space on a worker) to make it a daemon for the next run; during a run, Terminate or Request stop ends a worker.</source>
        <translation>시나리오가 시작하는 워커들입니다. 데몬에 체크하면 (또는 워커에서 Space를 누르면) 다음 실행에서 데몬이 됩니다. 실행 중에는 강제 종료나 중지 요청으로 워커를 끝낼 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>process</source>
        <translation>프로세스</translation>
    </message>
    <message>
        <source>thread</source>
        <translation>스레드</translation>
    </message>
    <message>
        <source>Named %1 in the program and on the timeline</source>
        <translation>프로그램과 타임라인에서 쓰는 이름: %1</translation>
    </message>
    <message>
        <source>Terminate %1</source>
        <translation>%1 강제 종료</translation>
    </message>
    <message>
        <source>Request stop of %1</source>
        <translation>%1 중지 요청</translation>
    </message>
    <message>
        <source>Terminating…</source>
        <translation>강제 종료하는 중…</translation>
    </message>
    <message>
        <source>Stop requested</source>
        <translation>중지 요청함</translation>
    </message>
    <message>
        <source>Locked during the run: a worker&apos;s daemon flag is fixed when the run starts.</source>
        <translation>실행 중에는 바꿀 수 없습니다. 워커의 데몬 설정은 실행을 시작할 때 정해집니다.</translation>
    </message>
    <message>
        <source>Terminate %1 now, as Process.terminate() does: it gets SIGTERM, and SIGKILL if it is still there 2 s later. Its lane ends &quot;terminated&quot; with the signal.</source>
        <translation>Process.terminate()처럼 %1을(를) 지금 강제 종료합니다. SIGTERM을 보내고, 2초 뒤에도 남아 있으면 SIGKILL을 보냅니다. 레인은 시그널과 함께 &quot;terminated&quot;로 끝납니다.</translation>
    </message>
    <message>
        <source>Ask %1 to stop at its next step. A thread cannot be killed from outside, in Python as here: threading has no kill(), because a thread stopped in the middle of a step could leave a lock held or data half written. So the request is cooperative: the thread looks for it between steps and ends there; a long sleep or sum finishes first.</source>
        <translation>%1에게 다음 단계에서 멈추라고 요청합니다. 파이썬에서도 여기서도 스레드는 밖에서 죽일 수 없습니다. 단계 중간에 멈춘 스레드는 락을 쥔 채로 남거나 데이터를 반만 쓴 채로 남길 수 있어서, threading에는 kill()이 없습니다. 그래서 이 요청은 협조적입니다. 스레드는 단계 사이에서 요청을 확인하고 거기서 끝납니다. 긴 sleep이나 합 계산은 먼저 끝까지 갑니다.</translation>
    </message>
    <message>
        <source>Available while a run is going.</source>
        <translation>실행 중일 때 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 has not started yet.</source>
        <translation>%1은(는) 아직 시작하지 않았습니다.</translation>
    </message>
    <message>
        <source>Terminating: waiting for %1 to go.</source>
        <translation>강제 종료 중: %1이(가) 끝나기를 기다립니다.</translation>
    </message>
    <message>
        <source>Stop requested: %1 ends at its next step.</source>
        <translation>중지 요청함: %1은(는) 다음 단계에서 끝납니다.</translation>
    </message>
    <message>
        <source>%1 has ended.</source>
        <translation>%1은(는) 끝났습니다.</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>강제 종료</translation>
    </message>
    <message>
        <source>Request stop</source>
        <translation>중지 요청</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>워커</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <extracomment>a group of workers: its name and how many, &quot;w × 1000&quot;</extracomment>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>%1 workers alike, named %2-1 to %2-%1 in the program and on the timeline; Daemon and the control act on all of them</source>
        <translation>같은 워커 %1개로, 프로그램과 타임라인에서 %2-1부터 %2-%1까지의 이름을 가집니다. 데몬 설정과 제어 버튼은 모두에게 적용됩니다</translation>
    </message>
</context>
<context>
    <name>Forkline::ZoomState</name>
    <message>
        <source>Zoom &amp;In</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom in on the timeline (+ or the mouse wheel)</source>
        <translation>타임라인을 확대합니다 (+ 또는 마우스 휠)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom out (- or the mouse wheel)</source>
        <translation>타임라인을 축소합니다 (- 또는 마우스 휠)</translation>
    </message>
    <message>
        <source>&amp;Fit All</source>
        <translation>전체 보기(&amp;F)</translation>
    </message>
    <message>
        <source>Show the whole run (0)</source>
        <translation>실행 전체를 보여 줍니다 (0)</translation>
    </message>
    <message>
        <source>F&amp;ollow Live</source>
        <translation>실시간 따라가기(&amp;O)</translation>
    </message>
    <message>
        <source>Keep the newest events in sight while a run is going (F)</source>
        <translation>실행 중에 가장 새로운 이벤트가 계속 보이게 합니다 (F)</translation>
    </message>
</context>
</TS>
