#!/usr/bin/env python3
"""Self-test of scripts/traceability.py (run by `make coverage`): a small project tree in a temporary
folder with every way a test can name an ID, asserting which ones count as proof and which are errors."""
import io
import json
import sys
import tempfile
import textwrap
import unittest
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import traceability  # noqa: E402

REQUIREMENTS = "id\tact\tsummary\n" + "".join(
    f"{i}\t{i.split('-')[0]}\tsummary of {i}\n"
    for i in ["SE-2", "SE-22", "SE-22-1", "SE-10", "SE-11", "SE-12", "SE-15", "SE-16", "SE-A2.9", "SE-A3",
              "QT-4", "QT-10", "EP-A2.6(0)", "EP-7"])
INTERPRETATIONS = "# Interpretations\n- **I-12 Points.** cumulative.\n- **I-13** The Commission may refuse.\n"
FLIS_READINGS = ("# FLIS readings\n- **F-Q1 Campaign dates.** text\n"
                 "- **F-R1 SE applications (SE-7, SE-9,\n  SE-A2.9).** A title over two lines.\n")

UNIT_TEST = textwrap.dedent('''\
    // SE-2 is mentioned in a comment: proves nothing.
    #include "core/testing/requirements.h"
    const char* kAll[] = {"SE-12", "SE-15"};  // a list of IDs proves nothing
    /* FLIS_REQUIREMENTS("SE-16") in a block comment proves nothing */
    TEST(Se, ScoreTen) {
      FLIS_REQUIREMENTS("SE-10", "I-12");
      EXPECT_EQ(score(), 10) << "SE-11 in a message proves nothing";
    }
    TEST_F(SeFixture, Duplicate) {
      if (true) { int x = '{'; }
      FLIS_REQUIREMENTS("SE-22-1");
    }
    TEST_P(SeParam, Ranges) { FLIS_REQUIREMENTS("EP-A2.6(0)"); }
    TEST(SE10_SE_A3, NamedButNotTagged) { EXPECT_TRUE(true); }
    ''')

GOLDEN_RUNNER = textwrap.dedent('''\
    const fs::path kDir = fs::path(FLIS_SOURCE_DIR) / "tests" / "golden" / "se";
    std::vector<fs::path> files() { return testing::scenario_files(kDir); }
    ''')

NODE_TEST = textwrap.dedent('''\
    import { test } from 'node:test';
    // test('SE-A3: a commented-out test proves nothing', () => {});
    test('QT-4 QT-10(2) F-Q1: the ceiling, a ground with its item, a reading', async () => {
      assert.equal(body.rule_ids, ['SE-2']);  // an ID in a test body proves nothing
    });
    test("SE-22: a re-issue; XSE-2 is no token", () => {});
    test(`computed ${name} SE-A3`, () => {});
    ''')


def make_tree(root: Path, extra: dict[str, str] | None = None) -> None:
    files = {
        "spec/requirements.tsv": REQUIREMENTS,
        "spec/interpretations.md": INTERPRETATIONS,
        "docs/interpretations.md": FLIS_READINGS,
        "src/law/se_test.cpp": UNIT_TEST,
        "src/law/se/golden_test.cpp": GOLDEN_RUNNER,
        "tests/golden/se/01_issue.json": json.dumps({"title": "t", "requirements": ["SE-A2.9", "I-13"]}),
        "tests/golden/ep/01_orphan.json": json.dumps({"title": "t", "requirements": ["EP-7"]}),
        "tests/http/flow.test.mjs": NODE_TEST,
    }
    files.update(extra or {})
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")


class Traceability(unittest.TestCase):
    def scan(self, extra=None):
        with tempfile.TemporaryDirectory() as d:
            root = Path(d)
            make_tree(root, extra)
            return traceability.run(root, root / "spec")

    def proved(self, scan):
        return {i: sorted(p.test for p in ps) for i, ps in scan.proofs.items()}

    def test_only_explicit_tags_count(self):
        scan = self.scan()
        self.assertEqual(scan.errors, [])
        self.assertEqual(self.proved(scan), {
            "SE-10": ["Se.ScoreTen"], "I-12": ["Se.ScoreTen"],
            "SE-22-1": ["SeFixture.Duplicate"],
            "EP-A2.6(0)": ["SeParam.Ranges"],
            "SE-A2.9": ["golden se/01_issue"], "I-13": ["golden se/01_issue"],
            "QT-4": ["QT-4 QT-10(2) F-Q1: the ceiling, a ground with its item, a reading"],
            "QT-10": ["QT-4 QT-10(2) F-Q1: the ceiling, a ground with its item, a reading"],
            "F-Q1": ["QT-4 QT-10(2) F-Q1: the ceiling, a ground with its item, a reading"],
            "SE-22": ["SE-22: a re-issue; XSE-2 is no token"],
        })
        # Mentions in comments, lists, messages, bodies, test names without a tag: none of them.
        for mention in ["SE-2", "SE-11", "SE-12", "SE-15", "SE-16", "SE-A3"]:
            self.assertNotIn(mention, scan.proofs)
        self.assertEqual(scan.counts["gtest"], 3)
        self.assertEqual(scan.counts["gtest_total"], 4)

    def test_golden_folder_without_runner_proves_nothing(self):
        scan = self.scan()
        self.assertNotIn("EP-7", scan.proofs)
        self.assertTrue(any("tests/golden/ep/" in w for w in scan.warnings), scan.warnings)

    def test_a_sub_folder_counts_only_with_its_own_runner(self):
        scan = self.scan({
            "src/cases/workflow_golden_test.cpp":
                'auto files() { return scenario_files(fs::path(D) / "tests" / "golden" / "qt" / "workflows"); }\n',
            "tests/golden/qt/workflows/01_flow.json": json.dumps({"requirements": ["QT-4"]}),
            "tests/golden/se/drafts/01_orphan.json": json.dumps({"requirements": ["SE-16"]}),
        })
        self.assertEqual(scan.errors, [])
        self.assertIn("golden qt/workflows/01_flow", self.proved(scan)["QT-4"])
        self.assertNotIn("SE-16", scan.proofs)
        self.assertTrue(any("tests/golden/se/drafts/" in w for w in scan.warnings), scan.warnings)

    def test_unknown_id_in_a_tag_is_an_error(self):
        scan = self.scan({"src/web/x_test.cpp": 'TEST(X, Y) { FLIS_REQUIREMENTS("SE-10", "SE-100"); }\n'})
        self.assertEqual(len(scan.errors), 1)
        self.assertIn("src/web/x_test.cpp:1", scan.errors[0])
        self.assertIn("'SE-100'", scan.errors[0])
        self.assertIn("X.Y", self.proved(scan)["SE-10"])

    def test_unknown_id_in_a_golden_or_a_node_name_is_an_error(self):
        scan = self.scan({
            "tests/golden/se/02_typo.json": json.dumps({"requirements": ["SE-1O"]}),
            "tests/browser/b.test.mjs": "test('SE-23: revocation', () => {});\n",
        })
        self.assertEqual(len(scan.errors), 2, scan.errors)
        self.assertTrue(any("02_typo.json" in e and "'SE-1O'" in e for e in scan.errors))
        self.assertTrue(any("b.test.mjs:1" in e and "'SE-23'" in e for e in scan.errors))

    def test_malformed_tags_are_errors(self):
        scan = self.scan({
            "src/core/a_test.cpp": textwrap.dedent('''\
                FLIS_REQUIREMENTS("SE-10");
                TEST(A, Empty) { FLIS_REQUIREMENTS(); }
                TEST(A, NotLiteral) { FLIS_REQUIREMENTS(kIds[0]); }
                '''),
            "tests/golden/se/03_empty.json": json.dumps({"requirements": []}),
        })
        self.assertEqual(len(scan.errors), 4, scan.errors)
        self.assertTrue(any("outside a TEST" in e for e in scan.errors))
        self.assertTrue(any("non-empty array" in e for e in scan.errors))

    def test_a_reading_whose_title_runs_over_two_lines_is_known(self):
        scan = self.scan({"src/law/rules_test.cpp": textwrap.dedent('''\
            TEST(Rules, ReadOnRegistrationDay) {
              FLIS_REQUIREMENTS("F-R1");
              EXPECT_TRUE(true);
            }
            ''')})
        self.assertEqual(scan.errors, [])
        self.assertEqual(self.proved(scan)["F-R1"], ["Rules.ReadOnRegistrationDay"])

    def test_ids_are_whole_tokens(self):
        known = {i: None for i in ["SE-2", "SE-22", "SE-22-1", "QT-10", "EP-A2.6(0)", "SE-A2.9"]}
        self.assertEqual(traceability.ids_in_name("SE-22-1 and SE-22; SE-2.", known), ["SE-22-1", "SE-22", "SE-2"])
        self.assertEqual(traceability.ids_in_name("QT-10(2) EP-A2.6(0) SE-A2.9(3)", known),
                         ["QT-10", "EP-A2.6(0)", "SE-A2.9"])
        self.assertEqual(traceability.ids_in_name("XSE-2 HTTP-2 case-22", known), [])

    def test_main_writes_the_matrix_and_exits_1_on_errors(self):
        with tempfile.TemporaryDirectory() as d:
            root = Path(d)
            make_tree(root)
            out = io.StringIO()
            with redirect_stdout(out):
                self.assertEqual(traceability.main(["--root", d, "--spec", str(root / "spec")]), 0)
            self.assertIn("SE          covered   4 of 10", out.getvalue())
            self.assertIn("build/traceability.md", out.getvalue())
            matrix = (root / "build" / "traceability.md").read_text(encoding="utf-8")
            self.assertIn("| SE-10 | SE | summary of SE-10 | `Se.ScoreTen` (src/law/se_test.cpp:5) |", matrix)
            self.assertIn("| SE-2 | SE | summary of SE-2 | **none** |", matrix)
            (root / "src/law/se_test.cpp").write_text('TEST(A, B) { FLIS_REQUIREMENTS("SE-9"); }\n')
            err = io.StringIO()
            with redirect_stdout(io.StringIO()), redirect_stderr(err):
                self.assertEqual(traceability.main(["--root", d, "--spec", str(root / "spec")]), 1)
            self.assertIn("'SE-9'", err.getvalue())


if __name__ == "__main__":
    unittest.main()
