#!/usr/bin/env python3
"""tools/new_check.py end to end (not --dry-run): copies the tree parts it reads and writes (the
tool itself, tools/gen_messages.py, the compiled catalog, each layer's check CMakeLists.txt, the
message catalogue, tests/checks/<layer>/) into a temporary root, scaffolds a catalog id that has no
check yet, and asserts the scaffold: the check source, its CMake line, its en/ja catalogue entries
(parsed and compiled by tools/gen_messages.py), the fixture folder, and that a second run or an
unknown id changes nothing.

usage: new_check_test.py SOURCE_ROOT        (exit 0: pass, 1: a failed assertion)"""
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

SRC = pathlib.Path(sys.argv[1]).resolve()
LAYERS = {"CTR": "container", "LOG": "logging", "NET": "network", "REG": "registry"}
failures = []


def expect(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL: " + what)


def implemented_ids():
    ids = set()
    for cpp in (SRC / "src/ecsguard/checks").rglob("*.cpp"):
        ids.update(re.findall(r'\.id = "([A-Z]{3}-\d{3})"', cpp.read_text(encoding="utf-8")))
    return ids


def unimplemented_id():
    inc = (SRC / "src/ecsguard/engine/catalog_data.inc").read_text(encoding="utf-8")
    done = implemented_ids()
    for cid in re.findall(r'\{"([A-Z]{3}-\d{3})", R"ecsg\(', inc):
        if cid.split("-")[0] in LAYERS and cid not in done:
            return cid
    return None


def copy_tree_parts(root):
    for rel in ["tools/new_check.py", "tools/gen_messages.py",
                "src/ecsguard/engine/catalog_data.inc"]:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(SRC / rel, root / rel)
    shutil.copytree(SRC / "src/ecsguard/i18n/messages", root / "src/ecsguard/i18n/messages")
    for layer in LAYERS.values():
        cmake = SRC / "src/ecsguard/checks" / layer / "CMakeLists.txt"
        if cmake.exists():
            (root / cmake.relative_to(SRC)).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(cmake, root / cmake.relative_to(SRC))
        (root / "tests/checks" / layer).mkdir(parents=True, exist_ok=True)


def snapshot(root):
    return {p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def main():
    check_id = unimplemented_id()
    if check_id is None:
        print("every catalog id of a layer with checks is implemented: nothing to scaffold")
        return 1  # not a skip: the test would assert nothing
    layer = LAYERS[check_id.split("-")[0]]
    ns = check_id.replace("-", "").lower()
    ident = check_id.replace("-", "").capitalize()
    print("scaffolding %s (%s)" % (check_id, layer))
    with tempfile.TemporaryDirectory(prefix="ecsguard-new-check.") as tmp:
        root = pathlib.Path(tmp)
        copy_tree_parts(root)
        cmake = root / "src/ecsguard/checks" / layer / "CMakeLists.txt"
        cmake_before = cmake.read_text(encoding="utf-8")
        run = subprocess.run([sys.executable, str(root / "tools/new_check.py"), check_id.lower(),
                              "--name", "scaffolded_check"], capture_output=True, text=True)
        print(run.stdout + run.stderr)
        expect(run.returncode == 0, "new_check.py exits 0 (got %d)" % run.returncode)

        source = root / "src/ecsguard/checks" / layer / "scaffolded_check.cpp"
        expect(source.is_file(), "the check source %s exists" % source.relative_to(root))
        text = source.read_text(encoding="utf-8") if source.is_file() else ""
        expect('.id = "%s"' % check_id in text, "the source declares .id = \"%s\"" % check_id)
        expect("i18n::Id::k%sRationale" % ident in text, "the source names its rationale id")
        expect("msg::%s::Fail" % ns in text, "the source reports msg::%s::Fail" % ns)
        expect("engine::per_container<&run>" in text, "the default subject is every container")
        expect("namespace ecsguard::checks::%s" % layer in text, "the source is in its layer")

        cmake_after = cmake.read_text(encoding="utf-8")
        expect("  scaffolded_check.cpp" in cmake_after.splitlines(),
               "the layer's CMakeLists.txt lists scaffolded_check.cpp")
        expect(cmake_after.count("\n") == cmake_before.count("\n") + 1,
               "exactly one line added to the layer's CMakeLists.txt")

        # The catalogue entries, through the generator the build uses.
        sys.path.insert(0, str(root / "tools"))
        import gen_messages  # noqa: E402  (the copy in the temporary root)
        tomls = sorted((root / "src/ecsguard/i18n/messages").glob("*.toml"))
        entries = {e[0]: e for e in gen_messages.load([str(p) for p in tomls])}
        for key in (ns + ".rationale", ns + ".fail"):
            expect(key in entries, "catalogue entry [%s] exists" % key)
            if key in entries:
                _, en, ja, _args = entries[key]
                expect(en.strip() and ja.strip(), "[%s] has en and ja texts" % key)
        expect(entries.get(ns + ".fail", (0, 0, 0, []))[3] == ["subject"],
               "[%s.fail] takes {subject}" % ns)
        header = root / "messages.gen.h"
        gen = subprocess.run([sys.executable, str(root / "tools/gen_messages.py"), "--header",
                              str(header), "--table", str(root / "messages.gen.inc")] +
                             [str(p) for p in tomls], capture_output=True, text=True)
        expect(gen.returncode == 0, "gen_messages.py compiles the catalogue: " + gen.stderr)
        h = header.read_text(encoding="utf-8") if header.exists() else ""
        expect("k%sRationale," % ident in h and "namespace ecsguard::i18n::msg::%s {" % ns in h,
               "the generated header has the check's ids")

        fixtures = root / "tests/checks" / layer / check_id
        for name in ("fail_cfn.yaml", "fail_cfn.expected", "pass_cfn.yaml"):
            expect((fixtures / name).is_file(), "fixture %s/%s exists" % (check_id, name))
        if (fixtures / "fail_cfn.expected").is_file():
            lines = [l for l in (fixtures / "fail_cfn.expected").read_text().splitlines()
                     if l and not l.startswith("#")]
            expect(lines == ["fail TaskDef/app 12"], "fail_cfn.expected has one finding line")

        # Nothing existing is overwritten; an id outside the catalog is refused.
        before = snapshot(root)
        again = subprocess.run([sys.executable, str(root / "tools/new_check.py"), check_id,
                                "--name", "scaffolded_check"], capture_output=True, text=True)
        expect(again.returncode != 0, "a second run stops")
        unknown = subprocess.run([sys.executable, str(root / "tools/new_check.py"), "CTR-999"],
                                 capture_output=True, text=True)
        expect(unknown.returncode != 0 and "not in the catalog" in unknown.stderr,
               "an id outside the catalog is refused")
        expect(snapshot(root) == before, "the refused runs changed no file")
    print("%d failure(s)" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
