#!/usr/bin/env python3
"""Traceability: for each requirement ID, the tests that prove it — from explicit tags only.

A test proves an ID when it says so in one of three ways (docs/ARCHITECTURE.md, "Tests"):
  * a golden scenario's "requirements" array (tests/golden/<act>/*.json), provided a runner
    (a src/**/*_test.cpp naming the folder and listing its files) runs every file of that folder;
  * a FLIS_REQUIREMENTS("SE-10", "I-12") tag in the body of a C++ TEST / TEST_F / TEST_P
    (src/core/testing/requirements.h);
  * the ID in the name of a node test: test('SE-10 I-12: ...') in tests/http and tests/browser.
A mention in a comment, a list or a test body proves nothing. IDs are whole tokens ('SE-2' is neither
'SE-22' nor 'SE-2-1'). A tag naming an ID that is in neither shared/spec/requirements.tsv nor the
interpretations (I-* in shared/spec/interpretations.md, F-* in docs/interpretations.md) is an error:
the script then exits 1. Uncovered IDs are reported, never an error.

usage: traceability.py [--root DIR] [--spec DIR] [--matrix FILE]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ACTS = ("SE", "QT", "EP", "LI", "PG")
READINGS = {"I": "shared/spec/interpretations.md", "F": "docs/interpretations.md"}
# Prefixes a node test name may use; a token with one of them that is not a known ID is an error.
NAME_PREFIXES = ACTS + tuple(READINGS)
# An ID-shaped token: prefix, '-', then dot- or dash-joined parts, then an optional "(...)" part
# (EP-A2.6(0)). Greedy, so 'SE-22-1' is one token and never 'SE-22' or 'SE-2'.
TOKEN = re.compile(
    r"(?<![A-Za-z0-9\-])(?:%s)-[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*(?:\([A-Za-z0-9]+\))?" % "|".join(NAME_PREFIXES))


@dataclass
class Requirement:
    id: str
    group: str  # the act, or "I" / "F" for the readings
    title: str


@dataclass
class Proof:
    kind: str  # "golden" | "gtest" | "node"
    test: str
    path: str
    line: int

    def cite(self) -> str:
        return f"{self.test} ({self.path}:{self.line})"


@dataclass
class Scan:
    requirements: dict[str, Requirement]
    proofs: dict[str, list[Proof]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: {"golden": 0, "gtest": 0, "gtest_total": 0, "node": 0})

    def prove(self, ids: list[str], proof: Proof, where: str) -> None:
        for i in dict.fromkeys(ids):
            if i not in self.requirements:
                self.errors.append(f"{where}: names {i!r}, which is not a requirement ID "
                                   "(shared/spec/requirements.tsv) nor a reading (I-*, F-*)")
                continue
            self.proofs.setdefault(i, []).append(proof)


# ---------------------------------------------------------------------------------------------------
# The list of IDs


def find_spec(root: Path) -> Path:
    """shared/spec beside the project or beside one of its parents (a worktree lives deeper)."""
    if os.environ.get("FLIS_SPEC_DIR"):
        return Path(os.environ["FLIS_SPEC_DIR"])
    for d in [root, *root.resolve().parents]:
        if (d / "shared" / "spec" / "requirements.tsv").is_file():
            return d / "shared" / "spec"
    sys.exit("traceability: shared/spec/requirements.tsv not found beside the project; set FLIS_SPEC_DIR")


def short(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def load_requirements(spec: Path, root: Path) -> dict[str, Requirement]:
    out: dict[str, Requirement] = {}
    lines = (spec / "requirements.tsv").read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) < 3:
            sys.exit(f"traceability: requirements.tsv:{n}: expected id, act, summary")
        out[cols[0]] = Requirement(cols[0], cols[1], short(cols[2]))
    # Readings: "- **I-7 Title.** text" or "- **I-12** text" — the ID and its title (or first words).
    reading = re.compile(r"^\s*- \*\*([A-Z]+-[A-Za-z0-9.]+)\s*([^*]*)\*\*\s*(.*)")
    for prefix, rel in READINGS.items():
        path = spec / "interpretations.md" if prefix == "I" else root / rel
        if not path.is_file():
            continue
        for line in joined_items(path.read_text(encoding="utf-8").splitlines()):
            m = reading.match(line)
            if m and m.group(1).startswith(prefix + "-"):
                title = m.group(2).strip().rstrip(".") or short(m.group(3), 80)
                out.setdefault(m.group(1), Requirement(m.group(1), prefix, title))
    return out


def joined_items(lines: list[str]) -> list[str]:
    """List items whose bold title runs over several lines, joined into one line (a reading's title
    such as '- **F-R1 SE applications (SE-7, …,\n  SE-A2.9).**' would otherwise not be read)."""
    out: list[str] = []
    pending = ""
    for line in lines:
        if pending:
            pending += " " + line.strip()
            if pending.count("**") >= 2 or not line.strip():
                out.append(pending)
                pending = ""
            continue
        if re.match(r"^\s*- \*\*", line) and line.count("**") < 2:
            pending = line
            continue
        out.append(line)
    if pending:
        out.append(pending)
    return out


def ids_in_name(name: str, known: dict[str, Requirement]) -> list[str]:
    """The ID tokens of a test name. 'QT-10(2)' names QT-10 unless the spec lists the whole token."""
    out = []
    for m in TOKEN.finditer(name):
        tok = m.group(0)
        if tok not in known and "(" in tok:
            tok = tok[: tok.index("(")]
        out.append(tok)
    return out


# ---------------------------------------------------------------------------------------------------
# C++: tags inside test bodies


def mask_cpp(src: str) -> str:
    """The source with comments blanked and string/char literal contents blanked (quotes kept), same
    offsets and line breaks, so that code structure can be searched without seeing text."""
    out = list(src)
    i, n = 0, len(src)

    def blank(a: int, b: int) -> None:
        for k in range(a, b):
            if out[k] != "\n":
                out[k] = " "

    while i < n:
        c = src[i]
        if src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            blank(i, j)
            i = j
        elif src.startswith("/*", i):
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
            blank(i, j)
            i = j
        elif c == "R" and src.startswith('R"', i) and (i == 0 or not (src[i - 1].isalnum() or src[i - 1] == "_")):
            m = re.match(r'R"([^()\\ ]{0,16})\(', src[i:])
            if not m:
                i += 1
                continue
            end = src.find(")" + m.group(1) + '"', i + m.end())
            end = n if end < 0 else end
            blank(i + 2, end)
            i = end + len(m.group(1)) + 2
        elif c in "\"'":
            if c == "'" and i > 0 and (src[i - 1].isalnum()):  # digit separator 1'000
                i += 1
                continue
            j = i + 1
            while j < n and src[j] != c and src[j] != "\n":
                j += 2 if src[j] == "\\" else 1
            blank(i + 1, min(j, n))
            i = j + 1
        else:
            i += 1
    return "".join(out)


def matching(masked: str, open_at: int, open_ch: str, close_ch: str) -> int:
    depth = 0
    for k in range(open_at, len(masked)):
        if masked[k] == open_ch:
            depth += 1
        elif masked[k] == close_ch:
            depth -= 1
            if depth == 0:
                return k
    return -1


TEST_HEAD = re.compile(r"\b(TEST|TEST_F|TEST_P|TYPED_TEST|TYPED_TEST_P)\s*\(\s*(\w+)\s*,\s*(\w+)\s*\)")
TAG = re.compile(r"\bFLIS_REQUIREMENTS\s*\(")
STRING_LIST = re.compile(r'\s*"([^"\\]*)"\s*(?:,|$)')


def scan_cpp(scan: Scan, path: Path, rel: str) -> None:
    src = path.read_text(encoding="utf-8", errors="replace")
    masked = mask_cpp(src)

    def line_of(off: int) -> int:
        return src.count("\n", 0, off) + 1

    bodies = []  # (start, end, test name)
    for m in TEST_HEAD.finditer(masked):
        brace = masked.find("{", m.end())
        if brace < 0 or masked[m.end():brace].strip():
            continue
        end = matching(masked, brace, "{", "}")
        bodies.append((brace, end if end >= 0 else len(masked), f"{m.group(2)}.{m.group(3)}", line_of(m.start())))
    scan.counts["gtest_total"] += len(bodies)
    tagged = set()
    for m in TAG.finditer(masked):
        where = f"{rel}:{line_of(m.start())}"
        close = matching(masked, m.end() - 1, "(", ")")
        if close < 0:
            scan.errors.append(f"{where}: FLIS_REQUIREMENTS( is not closed")
            continue
        args = src[m.end():close]
        ids = STRING_LIST.findall(args)
        if not ids or STRING_LIST.sub("", args).strip():
            scan.errors.append(f"{where}: FLIS_REQUIREMENTS takes string literals only, one ID each: {args.strip()!r}")
            continue
        body = next((b for b in bodies if b[0] < m.start() < b[1]), None)
        if body is None:
            scan.errors.append(f"{where}: FLIS_REQUIREMENTS outside a TEST / TEST_F / TEST_P body proves nothing")
            continue
        if body[2] not in tagged:
            tagged.add(body[2])
            scan.counts["gtest"] += 1
        scan.prove(ids, Proof("gtest", body[2], rel, body[3]), where)


# ---------------------------------------------------------------------------------------------------
# Golden scenarios


def golden_runners(root: Path) -> dict[str, str]:
    """tests/golden/<folder> (or <folder>/<sub>) → the C++ test that lists every *.json directly in it
    (law/testing/golden.h scenario_files, or a directory_iterator of its own)."""
    runs: dict[str, str] = {}
    chain = r'"golden"((?:\s*/\s*"[\w\-]+")+)|"tests/golden/([\w\-/]+?)/?"'
    for p in sorted(root.glob("src/**/*_test.cpp")):
        text = mask_cpp_comments(p.read_text(encoding="utf-8", errors="replace"))
        if "scenario_files" not in text and "directory_iterator" not in text:
            continue
        for m in re.finditer(chain, text):
            folder = "/".join(re.findall(r'"([\w\-]+)"', m.group(1))) if m.group(1) else m.group(2)
            runs.setdefault(folder, str(p.relative_to(root)))
    return runs


def mask_cpp_comments(src: str) -> str:
    """Comments removed, strings kept (a runner names its folder in a string)."""
    return re.sub(r"//[^\n]*|/\*.*?\*/", "", src, flags=re.S)


def scan_goldens(scan: Scan, root: Path) -> None:
    base = root / "tests" / "golden"
    if not base.is_dir():
        return
    runners = golden_runners(root)
    for folder in sorted({p.parent for p in base.rglob("*.json")}):
        name = folder.relative_to(base).as_posix()
        files = sorted(folder.glob("*.json"))
        if name not in runners:
            scan.warnings.append(f"tests/golden/{name}/: no runner (a src/**/*_test.cpp listing every file of it) "
                                 f"runs these {len(files)} scenarios, so they prove nothing")
            continue
        for p in files:
            rel = str(p.relative_to(root))
            text = p.read_text(encoding="utf-8")
            try:
                doc = json.loads(text)
            except json.JSONDecodeError as e:
                scan.errors.append(f"{rel}:{e.lineno}: not JSON: {e.msg}")
                continue
            reqs = doc.get("requirements") if isinstance(doc, dict) else None
            line = next((n for n, l in enumerate(text.splitlines(), 1) if '"requirements"' in l), 1)
            if not isinstance(reqs, list) or not reqs or not all(isinstance(r, str) for r in reqs):
                scan.errors.append(f"{rel}:{line}: \"requirements\" must be a non-empty array of ID strings")
                continue
            scan.counts["golden"] += 1
            scan.prove(reqs, Proof("golden", f"golden {name}/{p.stem}", rel, line), f"{rel}:{line}")


# ---------------------------------------------------------------------------------------------------
# Node tests: the ID in the test's name


NODE_CALL = re.compile(r"(?<![\w.$])(?:t\.)?(?:test|it|describe|suite)(?:\.(?:only|skip|todo))?\s*\(\s*(['\"`])")


def js_string(src: str, start: int, quote: str) -> str | None:
    out, i = [], start
    while i < len(src):
        c = src[i]
        if c == "\\" and i + 1 < len(src):
            out.append(src[i + 1])
            i += 2
            continue
        if c == quote:
            return "".join(out)
        if quote == "`" and src.startswith("${", i):
            return None  # a computed name: not a tag
        out.append(c)
        i += 1
    return None


def scan_node(scan: Scan, path: Path, rel: str) -> None:
    src = path.read_text(encoding="utf-8", errors="replace")
    code = re.sub(r"/\*.*?\*/", lambda m: re.sub(r"[^\n]", " ", m.group(0)), src, flags=re.S)
    code = re.sub(r"(?m)^\s*//.*$", lambda m: " " * len(m.group(0)), code)
    for m in NODE_CALL.finditer(code):
        name = js_string(src, m.end(), m.group(1))
        if name is None:
            continue
        ids = ids_in_name(name, scan.requirements)
        if not ids:
            continue
        line = src.count("\n", 0, m.start()) + 1
        scan.counts["node"] += 1
        scan.prove(ids, Proof("node", short(name, 90), rel, line), f"{rel}:{line}")


# ---------------------------------------------------------------------------------------------------


def run(root: Path, spec: Path) -> Scan:
    scan = Scan(load_requirements(spec, root))
    for p in sorted(root.glob("src/**/*_test.cpp")) + sorted(root.glob("tests/**/*_test.cpp")):
        scan_cpp(scan, p, str(p.relative_to(root)))
    scan_goldens(scan, root)
    for p in sorted(root.glob("tests/**/*.test.mjs")) + sorted(root.glob("tests/**/*.test.js")):
        if "node_modules" not in p.parts:
            scan_node(scan, p, str(p.relative_to(root)))
    return scan


def groups(scan: Scan) -> list[tuple[str, str, list[Requirement]]]:
    out = []
    for act in ACTS:
        out.append((act, act, [r for r in scan.requirements.values() if r.group == act]))
    out.append(("I", "I readings", [r for r in scan.requirements.values() if r.group == "I"]))
    out.append(("F", "F readings", [r for r in scan.requirements.values() if r.group == "F"]))
    return [g for g in out if g[2]]


def summary(scan: Scan, matrix: str) -> str:
    lines = ["traceability: tests that prove each requirement, from explicit tags only "
             f"({scan.counts['golden']} golden scenarios, {scan.counts['gtest']} of "
             f"{scan.counts['gtest_total']} C++ tests tagged, {scan.counts['node']} node tests named)"]
    for key, label, reqs in groups(scan):
        miss = [r.id for r in reqs if r.id not in scan.proofs]
        row = f"  {label:<11} covered {len(reqs) - len(miss):>3} of {len(reqs):<3}"
        lines.append(row + f"  uncovered: {' '.join(miss)}" if miss else row.rstrip())
    for w in scan.warnings:
        lines.append(f"  warning: {w}")
    lines.append(f"  full matrix (ID, act, title, proving tests with file:line): {matrix}")
    return "\n".join(lines)


def markdown(scan: Scan) -> str:
    out = ["# Traceability matrix", "",
           "Generated by `scripts/traceability.py` (`make coverage`): for each requirement ID, the tests",
           "that prove it, from explicit tags only — a golden scenario's `requirements`, a",
           "`FLIS_REQUIREMENTS(...)` tag in a C++ test body, the ID in a node test's name.", "",
           "| group | covered | of |", "| --- | ---: | ---: |"]
    for key, label, reqs in groups(scan):
        out.append(f"| {label} | {sum(1 for r in reqs if r.id in scan.proofs)} | {len(reqs)} |")
    for key, label, reqs in groups(scan):
        out += ["", f"## {label}", "", "| ID | act | title | proved by |", "| --- | --- | --- | --- |"]
        for r in reqs:
            proofs = sorted(scan.proofs.get(r.id, []), key=lambda p: (p.path, p.line))
            cell = "<br>".join(f"`{p.test}` ({p.path}:{p.line})".replace("|", "\\|") for p in proofs) or "**none**"
            out.append(f"| {r.id} | {r.group} | {r.title.replace('|', '/')} | {cell} |")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = Path(__file__).resolve().parent.parent
    ap.add_argument("--root", type=Path, default=here, help="the project (default: this script's)")
    ap.add_argument("--spec", type=Path, help="shared/spec (default: found beside the project)")
    ap.add_argument("--matrix", type=Path, help="where to write the Markdown matrix (default: ROOT/build/traceability.md)")
    a = ap.parse_args(argv)
    spec = a.spec or find_spec(a.root)
    matrix = a.matrix or a.root / "build" / "traceability.md"
    scan = run(a.root, spec)
    matrix.parent.mkdir(parents=True, exist_ok=True)
    matrix.write_text(markdown(scan), encoding="utf-8")
    try:
        shown = matrix.resolve().relative_to(a.root.resolve())
    except ValueError:
        shown = matrix
    print(summary(scan, str(shown)))
    if scan.errors:
        for e in scan.errors:
            print(f"traceability: error: {e}", file=sys.stderr)
        print(f"traceability: {len(scan.errors)} malformed or unknown tag(s) — fix them (a typo must not "
              "count as proof)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
