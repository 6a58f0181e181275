# A thread asks for a line; the answer comes from standard input.
import threading


def ask():
    word = input("word? ")
    print("got", word)


t = threading.Thread(target=ask, name="asker")
t.start()
t.join()
print("main: done")
