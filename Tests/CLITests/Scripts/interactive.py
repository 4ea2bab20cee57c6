#!/usr/bin/env python3
"""Drives `backcheck run` through a pseudo-terminal, as a person would, for the CLI tests.

usage: interactive.py BINARY SCENARIO OUTPUT_FOLDER
scenarios: full (a whole run with the stopwatch), emergency (stops at the first red flag),
interrupt (Ctrl-C in the middle). Prints the transcript; exits 0 when every expected prompt
came within its time limit, 1 otherwise (naming the prompt that did not come).
"""
import os, pty, re, select, signal, sys, time

ANSI = re.compile(rb"\x1b\[[0-9;]*[A-Za-z]")


class Session:
    def __init__(self, argv, cwd):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.chdir(cwd)
            env = dict(os.environ, NO_COLOR="1", TERM="xterm")
            os.execve(argv[0], argv, env)
        self.seen = b""      # everything read so far, ANSI codes removed
        self.cursor = 0      # where the next expect starts looking

    def read(self, timeout):
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.fd, 4096)
        except OSError:
            return None
        if not data:
            return None
        self.seen += ANSI.sub(b"", data)
        return True

    def expect(self, text, timeout=20):
        needle = text.encode()
        deadline = time.monotonic() + timeout
        while True:
            found = self.seen.find(needle, self.cursor)
            if found >= 0:
                self.cursor = found + len(needle)
                return
            left = deadline - time.monotonic()
            if left <= 0 or self.read(left) is None:
                self.fail(f"did not see {text!r}")

    def send(self, line):
        os.write(self.fd, line.encode() + b"\r")

    def finish(self, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.read(0.2) is None:
                break
        end = time.monotonic() + 5
        while time.monotonic() < end:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return os.waitstatus_to_exitcode(status)
            time.sleep(0.05)
        os.kill(self.pid, signal.SIGKILL)
        self.fail("the program did not end")

    def fail(self, why):
        sys.stdout.write(self.seen.decode(errors="replace"))
        sys.stdout.write(f"\nFAILED: {why}\n")
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        sys.exit(1)


def profile(s, sex="male", age="30"):
    s.expect("Sex (female or male):"); s.send(sex)
    s.expect("Age in years:"); s.send("abc")
    s.expect("not accepted:"); s.expect("Age in years:"); s.send(age)
    s.expect("Body weight in kg"); s.send("")
    s.expect("Training days a week"); s.send("4")


def main():
    binary, scenario, folder = sys.argv[1:4]
    report = os.path.join(folder, "report.json")
    saved = os.path.join(folder, "saved.answers.yaml")
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
    argv = [binary, "run", "core-endurance-mcgill", "--format", "json", "--output", report, "--save-answers", saved]
    if scenario == "emergency":
        argv = [binary, "run", "core-endurance-mcgill"]
    s = Session(argv, root)
    s.expect("BackCheck: a guided check")
    profile(s)
    s.expect("Red-flag screen")
    s.expect("Do you have numbness, tingling or reduced feeling between your legs")
    if scenario == "emergency":
        s.send("y")
        s.expect("EMERGENCY: GO TO AN EMERGENCY DEPARTMENT NOW")
        code = s.finish()
        transcript = s.seen.decode(errors="replace")
        sys.stdout.write(transcript)
        if "Since the back pain started" in transcript.split("EMERGENCY")[0]:
            s.fail("the screen went on after an emergency answer")
        sys.exit(0 if code == 0 else 1)
    s.send("maybe")
    s.expect("answer y (yes) or n (no)")
    s.send("n")
    for _ in range(21):  # the rest of the 22-question screen
        s.expect("[y or n]"); s.expect(">"); s.send("n")
    s.expect("McGill")
    s.expect("How to do it:")
    s.expect("Press Enter when you are ready")
    if scenario == "interrupt":
        os.write(s.fd, b"\x03")
        s.expect("interrupted: nothing was written")
        code = s.finish()
        sys.stdout.write(s.seen.decode(errors="replace"))
        sys.exit(0 if code == 130 else 1)
    s.send("")
    # flexor_hold: the stopwatch.
    s.expect("press Enter for the stopwatch)"); s.send("")
    s.expect("Press Enter to START the stopwatch."); s.send("")
    s.expect("(press Enter to STOP)")
    time.sleep(1.3)
    s.expect("(press Enter to STOP)")
    s.send("")
    s.expect("stopped at ")
    # extensor_hold: typed.
    s.expect("press Enter for the stopwatch)"); s.send("1:35")
    # side_bridge: left, with a mistake first, then right.
    s.expect("left (type a time"); s.expect(") >"); s.send("-5")
    s.expect("cannot be negative")
    s.expect("left (type a time"); s.expect(") >"); s.send("60")
    s.expect("right (type a time"); s.expect(") >"); s.send("1m25s")
    # stopped_for_pain: optional, skipped.
    s.expect("optional: Enter to skip"); s.send("")
    code = s.finish()
    sys.stdout.write(s.seen.decode(errors="replace"))
    sys.exit(0 if code == 0 else 1)


if __name__ == "__main__":
    main()
