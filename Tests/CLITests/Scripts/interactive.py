#!/usr/bin/env python3
"""Drives `backcheck run` through a pseudo-terminal, as a person would, for the CLI tests.

usage: interactive.py BINARY SCENARIO OUTPUT_FOLDER
scenarios: full (a whole run with the hold timer, its retry and the rest timer), emergency
(stops at the first red flag, the referral box last), interrupt (Ctrl-C in the middle), menu
(pick tests from the menu), narrow (the red-flag screen in a 50-column terminal), sameday and
soon and soonflag (a referral from the screen ends the session before the physical test), pain ('pain' at a
hold stops the battery and the session; painclock: said when the stopwatch stops), resume (the clock still stops at a key after Ctrl-Z
and fg, on a TERM=dumb terminal that gets no escape codes), badpath and badname (an option that would fail at the
end is refused before the first question). Prints the
transcript; exits 0 when every expected prompt came within its time limit, 1 otherwise (naming
the prompt that did not come).
"""
import fcntl, os, pty, re, select, signal, struct, sys, termios, time

ANSI = re.compile(rb"\x1b\[[0-9;]*[A-Za-z]")


class Session:
    def __init__(self, argv, cwd, columns=100, term="xterm"):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.chdir(cwd)
            env = dict(os.environ, NO_COLOR="1", TERM=term)
            os.execve(argv[0], argv, env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
        self.seen = b""      # everything read so far, ANSI codes removed
        self.raw = b""       # everything read so far, as it came
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
        self.raw += data
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

    def key(self, byte):
        os.write(self.fd, byte.encode())

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


def profile(s, sex="Male", age="30"):
    s.expect("Sex (female or male; Enter to skip"); s.send(sex)
    s.expect("Age in years (5 to 120):"); s.send("abc")
    s.expect("not accepted:"); s.expect("Age in years (5 to 120):"); s.send(age)
    s.expect("Body weight, kg"); s.send("63,5kg")
    s.expect("Training days a week"); s.send("4")


def hold(s, retry=False):
    """Times one hold: Enter, the 3-2-1 countdown and bell, any key to stop; optionally retried."""
    s.expect("a 3-2-1 countdown starts the clock."); s.send("")
    s.expect("3..."); s.expect("2..."); s.expect("1..."); s.expect("\x07"); s.expect("Go!")
    s.expect("any key stops the clock")
    time.sleep(1.3)
    s.expect("00:01")
    s.key("x")
    s.expect("stopped at 00:0")
    # Redrawn only when the shown time changes: a screen reader reads every rewrite aloud.
    since_go = s.seen[s.seen.rfind(b"Go!"):]
    draws = since_go.count(b"any key stops the clock")
    assert draws <= 3, f"the clock line was drawn {draws} times in about 1.3 s; only a new time should redraw it"
    s.expect("Enter to keep it, r to retry")
    if retry:
        s.send("r")
        hold(s)
    else:
        s.send("")


def clear_screen_and_start(s):
    """No to all 22 screen questions (the first one's prompt already seen), then starts the next test."""
    s.send("n")
    for _ in range(21):
        s.expect("[y or n]"); s.expect(">"); s.send("n")
    s.expect("Press Enter when you are ready"); s.send("")


def skip_rest(s):
    s.expect("Rest 05:00 before the next hold"); s.expect("rest: "); s.key(" "); s.expect("rest skipped")


def interrupt_and_exit(s):
    """Ctrl-C: the program says nothing was written and ends with status 130."""
    os.write(s.fd, b"\x03")
    s.expect("interrupted: nothing was written")
    code = s.finish()
    sys.stdout.write(s.seen.decode(errors="replace"))
    sys.exit(0 if code == 130 else 1)


def main():
    binary, scenario, folder = sys.argv[1:4]
    report = os.path.join(folder, "report.json")
    saved = os.path.join(folder, "saved.answers.yaml")
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
    argv = [binary, "run", "core-endurance-mcgill", "--format", "json", "--output", report, "--save-answers", saved, "--person", "Sam"]
    if scenario == "emergency":
        argv = [binary, "run", "core-endurance-mcgill"]
    if scenario in ("sameday", "soon", "soonflag"):
        argv = [binary, "run", "hip-flexor-thomas"]
    if scenario in ("pain", "painclock"):
        argv = [binary, "run", "core-endurance-mcgill", "hip-flexor-thomas"]
    if scenario == "choice":
        argv = [binary, "run", "glute-activation", "--format", "json", "--output", report]
    if scenario == "resume":
        argv = [binary, "run", "core-endurance-mcgill"]
    if scenario in ("menu", "eof"):
        argv = [binary, "run"]
    if scenario == "narrow":
        argv = [binary, "run", "red-flag-screen", "core-endurance-mcgill", "--format", "json", "--output", report]
    if scenario in ("badpath", "badname"):
        argv = [binary, "run", "hip-flexor-thomas"] + (
            ["--save-answers", os.path.join(folder, "missing", "a.yaml")] if scenario == "badpath" else ["--save", "--person", "Eve\u202e"])
    if scenario == "typo":
        # A misspelt test: the session keeps only the tests named, so the suggestion must
        # come from every id the catalogue was loaded with.
        argv = [binary, "run", "hip-flexor-thoma"]
    s = Session(argv, root, columns=50 if scenario in ("narrow", "sameday") else 100, term="dumb" if scenario == "resume" else "xterm")
    if scenario in ("badpath", "badname", "typo"):
        # Said before the first question, not after a session's work.
        s.expect({"badpath": "create it first", "badname": "cannot be a person's name",
                  "typo": "did you mean 'hip-flexor-thomas'?"}[scenario])
        code = s.finish()
        transcript = s.seen.decode(errors="replace")
        sys.stdout.write(transcript)
        sys.exit(0 if code == (64 if scenario == "typo" else 1) and "BackCheck: a guided check" not in transcript else 1)
    s.expect("BackCheck: a guided check")
    s.expect("min in all:")
    if scenario == "eof":
        # Ctrl-D after a half-typed answer, then again: the session stops, nothing submitted.
        s.expect("Enter to do them all, or the numbers")
        os.write(s.fd, b"fe\x04"); time.sleep(0.3); os.write(s.fd, b"\x04")
        s.expect("the input ended before the session finished; nothing was written")
        code = s.finish()
        sys.stdout.write(s.seen.decode(errors="replace"))
        sys.exit(0 if code == 1 and b"not accepted" not in s.seen else 1)
    if scenario == "menu":
        s.expect("Enter to do them all, or the numbers"); s.send("99")
        s.expect("not accepted:"); s.expect("Enter to do them all, or the numbers"); s.send("2 3")
        # A space separates numbers as a comma does: tests 2 and 3 with the screen, not test 23.
        s.expect("3 tests, about")
        # Sex may be skipped, as in an answers file (the stricter norms are then used).
        profile(s, sex="")
        s.expect("Test 1 of 3, about")
        interrupt_and_exit(s)
    profile(s)
    s.expect("Test 1 of ")
    s.expect("Red-flag screen")
    s.expect("Do you have numbness"); s.expect("  >")
    if scenario == "choice":
        # 'back' asks the question before again (none before the first); then a choice typed
        # as said ("lower back" for lower_back) is taken, and a wrong one is refused with one
        # full stop after its question mark.
        s.send("back"); s.expect("none before it to change"); s.expect("  >"); s.send("n")
        s.expect("Since the back pain started"); s.expect("  >"); s.send("back")
        s.expect("Back to the question before:"); s.expect("Do you have numbness"); s.expect("  >")
        clear_screen_and_start(s)
        s.expect("where did you feel"); s.expect("  >"); s.send("lower bak")
        s.expect("did you mean 'lower_back'? Try again.")
        s.expect("  >"); s.send("Lower Back")
        s.expect("Single-leg bridges with the heel")
        interrupt_and_exit(s)
    if scenario == "emergency":
        s.send("y")
        s.expect("EMERGENCY: CALL AN AMBULANCE OR GO TO AN EMERGENCY DEPARTMENT NOW")
        code = s.finish()
        transcript = s.seen.decode(errors="replace")
        sys.stdout.write(transcript)
        if "Since the back pain started" in transcript.split("EMERGENCY")[0]:
            s.fail("the screen went on after an emergency answer")
        last = [line for line in transcript.replace("\r", "").split("\n") if line.strip()][-1]
        if not last.startswith("\u2514"):
            s.fail(f"the referral box is not the last thing on screen: {last!r}")
        sys.exit(0 if code == 0 else 1)
    if scenario in ("sameday", "soon", "soonflag"):
        # A fever with a raised infection risk (same day), pain below the knee with tingling
        # (soon), or pain between the shoulder blades (soon, a red flag a doctor checks before
        # any exercise): the session stops after the screen, before the physical test.
        answers = ["n"] * 22
        if scenario == "sameday":
            answers[7] = answers[8] = "y"
        s.send(answers[0])
        for answer in answers[1:]:
            start = s.cursor
            s.expect("[y or n]"); s.expect(">")
            asked = s.seen[start:s.cursor].decode(errors="replace")
            if (scenario == "soon" and "below the knee" in asked) or (scenario == "soonflag" and "shoulder blades" in asked):
                answer = "y"
            s.send(answer)
        if scenario == "sameday":
            s.expect("The screen found a reason to contact a doctor")
            s.expect("REFERRAL: CONTACT A DOCTOR TODAY")
        elif scenario == "soonflag":
            s.expect("The screen found a reason to see a doctor soon (")
            s.expect("REFERRAL: SEE A DOCTOR SOON")
        else:
            s.expect("The screen found a reason to see a doctor or physiotherapist soon")
            s.expect("type 'continue' to do the tests anyway:"); s.send("maybe")
            s.expect("type 'continue' to do the tests anyway:"); s.send("")
            s.expect("REFERRAL: SEE A DOCTOR OR PHYSIOTHERAPIST SOON")
        code = s.finish()
        transcript = s.seen.decode(errors="replace")
        sys.stdout.write(transcript)
        if "Test 2 of 2" in transcript:
            s.fail("the session went on to the physical test after a referral")
        # The report on screen is laid out for the terminal: at 50 columns, no wider line.
        report = transcript.split("BACKCHECK REPORT", 1)[-1].replace("\r\n", "\n").split("\n")[1:]
        wide = [line for line in report if len(line.split("\r")[-1]) > (50 if scenario == "sameday" else 100)]
        if wide:
            s.fail(f"report lines wider than the terminal: {wide[:3]}")
        last = [line for line in transcript.replace("\r", "").split("\n") if line.strip()][-1]
        if not last.startswith("\u2514"):
            s.fail(f"the referral box is not the last thing on screen: {last!r}")
        sys.exit(0 if code == 0 else 1)
    if scenario == "resume":
        # Ctrl-Z and fg during a hold: the shell puts the terminal back in line mode, and the
        # clock must still stop at any key once the program is resumed (SIGCONT).
        clear_screen_and_start(s)
        s.expect("press Enter for the stopwatch"); s.expect("  >"); s.send("")
        s.expect("a 3-2-1 countdown starts the clock."); s.send("")
        s.expect("Go!"); s.expect("any key stops the clock")
        attributes = termios.tcgetattr(s.fd)
        attributes[3] |= termios.ICANON | termios.ECHO
        termios.tcsetattr(s.fd, termios.TCSANOW, attributes)
        os.kill(s.pid, signal.SIGCONT)
        time.sleep(0.5)
        s.key("x")
        s.expect("stopped at 00:0", timeout=5)
        os.write(s.fd, b"\x03")
        code = s.finish()
        sys.stdout.write(s.seen.decode(errors="replace"))
        # Run with TERM=dumb: the redrawn clock lines carry no escape codes (spaces instead).
        if b"\x1b[" in s.raw:
            s.fail("escape codes sent to a dumb terminal")
        sys.exit(0 if code == 130 else 1)
    if scenario in ("pain", "painclock"):
        # A hold that hurts: 'pain' stops the battery at once, and the session before the next test;
        # typed for the time, or (painclock) once the stopwatch was stopped because it hurt.
        clear_screen_and_start(s)
        s.expect("type 'pain' if it hurts"); s.expect("  >")
        # 'help' says the question's help again, with what can be typed, and asks once more.
        s.send("help"); s.expect("Seconds"); s.expect("'back' answers the question before again"); s.expect("  >")
        s.send("50")
        s.expect("rest: "); s.key(" "); s.expect("rest skipped")
        s.expect("type 'pain' if it hurts"); s.expect("  >")
        if scenario == "pain":
            s.send("pain")
        else:
            s.send("")
            s.expect("a 3-2-1 countdown starts the clock."); s.send("")
            s.expect("Go!"); s.expect("any key stops the clock"); s.key("x")
            s.expect("or 'pain' if it hurt:"); s.send("pain")
        s.expect("Stopped because of pain")
        s.expect("This test found a reason to see a doctor or physiotherapist soon")
        s.expect("type 'continue' to do the tests anyway:"); s.send("")
        s.expect("REFERRAL: SEE A DOCTOR OR PHYSIOTHERAPIST SOON")
        code = s.finish()
        transcript = s.seen.decode(errors="replace")
        sys.stdout.write(transcript)
        if "Test 3 of 3" in transcript or "Side bridge" in transcript.split("Stopped because of pain")[-1].split("ASSESSMENTS")[0]:
            s.fail("the battery or the session went on after 'pain'")
        sys.exit(0 if code == 0 else 1)
    s.send("maybe")
    s.expect("answer y (yes) or n (no)"); s.expect("  >")
    s.send("N")
    for _ in range(21):  # the rest of the 22-question screen
        s.expect("[y or n]"); s.expect(">"); s.send("n")
    if scenario == "narrow":
        # The holds typed, each rest skipped: every prompt of a timed test at 50 columns.
        s.expect("Press Enter when you are"); s.send("")
        for index, value in enumerate(["1:00", "50", "40", "40"]):
            s.expect(" >"); s.send(value)
            if index < 3:  # a rest follows every hold but the last
                s.expect("rest: "); s.key(" "); s.expect("rest skipped")
        s.expect("optional: Enter to skip"); s.send("")
        code = s.finish()
        transcript = s.seen.decode(errors="replace")
        sys.stdout.write(transcript)
        # A file path cannot be wrapped; everything else must fit. The "wrote" line may follow
        # the last prompt on its line when the terminal's echo of Enter comes after it.
        long = [line for line in transcript.replace("\r\n", "\n").split("\n")
                if len(line.split("\r")[-1]) > 50 and not line.split("\r")[-1].lstrip(" >").startswith("wrote ")]
        if long:
            s.fail(f"lines wider than the 50-column terminal: {long[:3]}")
        sys.exit(0 if code == 0 else 1)
    s.expect("Test 2 of 2, about")
    s.expect("McGill")
    s.expect("How to do it:")
    s.expect("Press Enter when you are ready")
    if scenario == "kill":
        # SIGTERM while the stopwatch holds the terminal key-at-a-time: the program ends with
        # the signal's status, and the terminal is back in line mode with echo.
        s.send("")
        s.expect("press Enter for the stopwatch"); s.expect("  >"); s.send("")
        s.expect("a 3-2-1 countdown starts the clock."); s.send("")
        s.expect("any key stops the clock")
        os.kill(s.pid, signal.SIGTERM)
        s.expect("stopped: nothing was written")
        code = s.finish()
        modes = termios.tcgetattr(s.fd)[3]
        sys.stdout.write(s.seen.decode(errors="replace"))
        restored = bool(modes & termios.ECHO) and bool(modes & termios.ICANON)
        if not restored:
            print("\nFAILED: the terminal was left without echo or line mode")
        sys.exit(0 if code == -signal.SIGTERM and restored else 1)
    if scenario == "interrupt":
        interrupt_and_exit(s)
    # A stray answer does not start a timed test: it is asked again; nor does a stray "n"
    # (typed after 22 yes/no questions) leave it out: only the word skip does.
    s.send("x")
    s.expect("Press Enter to start, or type 'skip'")
    s.send("n")
    s.expect("type the word 'skip'")
    s.send("")
    # flexor_hold: the hold timer, retried once, then the rest the battery asks for.
    s.expect("press Enter for the stopwatch"); s.expect("  >"); s.send("")
    hold(s, retry=True)
    skip_rest(s)
    # extensor_hold: typed; beyond the test's 240 s cap is refused.
    s.expect("press Enter for the stopwatch"); s.expect("  >"); s.send("300")
    s.expect("not accepted:"); s.expect("  >"); s.send("1:35")
    # The next time typed during the rest neither skips it nor leaks into the next answer (a
    # review found "95" taken as a skip and a 5 s hold): only Enter or space skips.
    s.expect("Rest 05:00 before the next hold"); s.expect("rest: ")
    s.key("9"); time.sleep(0.3); s.key("5")
    s.expect("(Enter skips)"); time.sleep(0.3); s.key("\r"); s.expect("rest skipped")
    # side_bridge: left, with a mistake first, a rest between the sides, then right.
    s.expect("left: type a time"); s.expect("left >"); s.send("-5")
    s.expect("cannot be negative")
    s.expect("left >"); s.send("60 s")
    skip_rest(s)
    s.expect("right: type a time"); s.expect("right >"); s.send("1m25s")
    # stopped_for_pain: optional, skipped.
    s.expect("optional: Enter to skip"); s.send("")
    code = s.finish()
    sys.stdout.write(s.seen.decode(errors="replace"))
    sys.exit(0 if code == 0 else 1)


if __name__ == "__main__":
    main()
