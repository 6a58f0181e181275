# Programs started with subprocess: one that ends by itself and one that is killed.
import subprocess
import sys

done = subprocess.Popen([sys.executable, "-c", "print('child: hi')"])
done.wait()
sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
sleeper.kill()
sleeper.wait()
print("codes", done.returncode, sleeper.returncode)
