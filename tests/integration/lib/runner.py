"""Runs one integration test file and appends "passed failed skipped" to
the file named by $PORTAIL_RESULTS (tests/run-integration adds them up).
Usage: python3 runner.py tests/integration/test_x.py"""
import importlib.util
import os
import sys
import unittest


def main():
    path = os.path.abspath(sys.argv[1])
    sys.path.insert(0, os.path.dirname(path))
    name = os.path.splitext(os.path.basename(path))[0]
    passed = failed = skipped = 0
    try:
        spec = importlib.util.spec_from_file_location(name, path)
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod
        spec.loader.exec_module(mod)
        suite = unittest.defaultTestLoader.loadTestsFromModule(mod)
        result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
        failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
        skipped = len(result.skipped)
        passed = result.testsRun - failed - skipped
    except BaseException as e:  # an import error is a failure, not a silence
        print("%s: cannot run: %r" % (name, e))
        failed += 1
    out = os.environ.get("PORTAIL_RESULTS")
    if out:
        with open(out, "a") as f:
            f.write("%s %d %d %d\n" % (name, passed, failed, skipped))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
