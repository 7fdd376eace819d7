"""Tests for perf/pairs (the pure logic: no pyvm runs).

    python3 -m unittest discover -s perf -p 'test_*.py'

Fusability rules, proposal selection on a synthetic pair table, and the
rewrite of a small definition text (byte-identical outside the changed
lines). One test parses the real src/isa/instructions.def.
"""

import collections
import importlib.machinery
import importlib.util
import sys
import unittest
from pathlib import Path

PERF = Path(__file__).resolve().parent
REPO = PERF.parent


def _load_pairs():
    loader = importlib.machinery.SourceFileLoader("perf_pairs", str(PERF / "pairs"))
    spec = importlib.util.spec_from_loader("perf_pairs", loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules["perf_pairs"] = module  # dataclasses look their module up here
    loader.exec_module(module)
    return module


pairs = _load_pairs()

# A small definition file in the real grammar: comments, flags, branch(),
# an existing predict(), two supers between comment lines.
MINI_DEF = """\
# mini instruction set
inst NOP ( -- ) : do nothing
inst EXTENDED_ARG arg prefix ( -- ) : oparg prefix
inst LOAD_FAST arg ( -- value) : push a local
inst LOAD_CONST arg ( -- value) : push a constant
inst STORE_FAST arg (value -- ) : store a local
inst BINARY_OP arg (lhs, rhs -- res) : lhs <op> rhs
inst COMPARE_OP arg (left, right -- res) predict(POP_JUMP_IF_FALSE) : compare
inst CALL arg (callable, args[oparg] -- result) : call
inst RETURN_VALUE (retval -- ) : return
inst FOR_ITER arg jump (iter -- iter, next) branch(iter -- ) : next or jump
inst POP_JUMP_IF_FALSE arg jump (cond -- ) : pop; jump if falsy
inst JUMP_BACKWARD arg jump ( -- ) : loop

# --- superinstructions ---
super LOAD_FAST__LOAD_FAST = LOAD_FAST + LOAD_FAST : push two locals
super STORE_FAST__STORE_FAST = STORE_FAST + STORE_FAST : store two locals
# trailing comment
"""


def table(**counts):
    """Counter[(A, B)] from keyword args like LOAD_FAST__LOAD_CONST=5."""
    return collections.Counter({tuple(k.split("__")): v for k, v in counts.items()})


class DefinitionTests(unittest.TestCase):
    def test_parse_mini(self):
        defs = pairs.parse_definitions(MINI_DEF)
        self.assertEqual(list(defs.insts)[:3], ["NOP", "EXTENDED_ARG", "LOAD_FAST"])
        self.assertEqual(defs.insts["EXTENDED_ARG"].flags, frozenset({"arg", "prefix"}))
        self.assertEqual(defs.insts["FOR_ITER"].flags, frozenset({"arg", "jump"}))
        self.assertEqual(defs.insts["COMPARE_OP"].predicts, ["POP_JUMP_IF_FALSE"])
        self.assertEqual(defs.insts["FOR_ITER"].predicts, [])
        self.assertEqual([(s.name, s.first, s.second) for s in defs.supers],
                         [("LOAD_FAST__LOAD_FAST", "LOAD_FAST", "LOAD_FAST"),
                          ("STORE_FAST__STORE_FAST", "STORE_FAST", "STORE_FAST")])
        self.assertEqual(defs.supers[0].doc, "push two locals")

    def test_parse_real_definition_file(self):
        defs = pairs.parse_definitions((REPO / "src" / "isa" / "instructions.def").read_text())
        self.assertIn("LOAD_FAST", defs.insts)
        self.assertIn("prefix", defs.insts["EXTENDED_ARG"].flags)
        for name in pairs.FRAME_SWITCHING:
            self.assertIn(name, defs.insts, f"FRAME_SWITCHING names unknown instruction {name}")
        for s in defs.supers:
            self.assertTrue(pairs.fusable(s.first, s.second, defs.insts)[0], s.name)

    def test_missing_doc_is_an_error(self):
        with self.assertRaises(ValueError):
            pairs.parse_definitions("inst NOP ( -- )\n")


class FusableTests(unittest.TestCase):
    insts = pairs.parse_definitions(MINI_DEF).insts

    def check(self, first, second):
        return pairs.fusable(first, second, self.insts)

    def test_plain_pairs_fuse(self):
        self.assertEqual(self.check("LOAD_FAST", "LOAD_CONST"), (True, ""))
        self.assertTrue(self.check("STORE_FAST", "STORE_FAST")[0])
        # A frame-switching instruction may be the second half: it runs last.
        self.assertTrue(self.check("LOAD_FAST", "CALL")[0])
        self.assertTrue(self.check("LOAD_FAST", "RETURN_VALUE")[0])

    def test_jumps_never_fuse(self):
        self.assertEqual(self.check("COMPARE_OP", "POP_JUMP_IF_FALSE"), (False, "POP_JUMP_IF_FALSE is a jump"))
        self.assertEqual(self.check("FOR_ITER", "STORE_FAST"), (False, "FOR_ITER is a jump"))

    def test_prefixes_never_fuse(self):
        self.assertEqual(self.check("EXTENDED_ARG", "LOAD_FAST"), (False, "EXTENDED_ARG is a prefix"))
        self.assertEqual(self.check("LOAD_FAST", "EXTENDED_ARG"), (False, "EXTENDED_ARG is a prefix"))

    def test_frame_switching_first_half(self):
        self.assertEqual(self.check("CALL", "STORE_FAST"), (False, "CALL switches frames"))
        self.assertEqual(self.check("RETURN_VALUE", "LOAD_FAST"), (False, "RETURN_VALUE switches frames"))

    def test_unknown_and_super_names(self):
        self.assertFalse(self.check("LOAD_FAST__LOAD_FAST", "LOAD_FAST")[0])
        self.assertFalse(self.check("LOAD_FAST", "MYSTERY")[0])


class StatsTests(unittest.TestCase):
    def test_parse_stats_takes_last_json_line(self):
        stderr = 'program noise\n{"not": "stats"}\n{"instructions": 5, "pairs": {"A B": 2}}\n'
        self.assertEqual(pairs.parse_stats(stderr)["instructions"], 5)
        with self.assertRaises(ValueError):
            pairs.parse_stats("Traceback...\n")

    def test_sum_pairs(self):
        total = pairs.sum_pairs([{"LOAD_FAST LOAD_FAST": 3, "LOAD_FAST CALL": 1}, {"LOAD_FAST LOAD_FAST": 4}])
        self.assertEqual(total, collections.Counter({("LOAD_FAST", "LOAD_FAST"): 7, ("LOAD_FAST", "CALL"): 1}))

    def test_ranked_breaks_ties_by_name(self):
        ranked = pairs.ranked(table(B__A=5, A__B=5, C__C=9))
        self.assertEqual([p for p, _ in ranked], [("C", "C"), ("A", "B"), ("B", "A")])


class ProposalTests(unittest.TestCase):
    insts = pairs.parse_definitions(MINI_DEF).insts
    # Synthetic: COMPARE_OP always followed by a jump; CALL STORE_FAST and
    # EXTENDED_ARG LOAD_FAST frequent but unfusable.
    PAIRS = table(
        COMPARE_OP__POP_JUMP_IF_FALSE=1000,
        CALL__STORE_FAST=900,
        LOAD_FAST__LOAD_FAST=800,
        EXTENDED_ARG__LOAD_FAST=700,
        LOAD_FAST__LOAD_CONST=600,
        LOAD_CONST__BINARY_OP=500,
        BINARY_OP__STORE_FAST=450,
        LOAD_FAST__COMPARE_OP=300,
        STORE_FAST__LOAD_FAST=250,
        BINARY_OP__LOAD_FAST=50,
        LOAD_FAST__EXTENDED_ARG=10,
    )

    def test_supers_top_k_skip_unfusable(self):
        chosen, skipped = pairs.propose_supers(self.PAIRS, self.insts, 3)
        self.assertEqual([c.name for c in chosen],
                         ["LOAD_FAST__LOAD_FAST", "LOAD_FAST__LOAD_CONST", "LOAD_CONST__BINARY_OP"])
        self.assertEqual([(a, b) for a, b, _, _ in skipped],
                         [("COMPARE_OP", "POP_JUMP_IF_FALSE"), ("CALL", "STORE_FAST"), ("EXTENDED_ARG", "LOAD_FAST")])
        self.assertEqual(chosen[0].count, 800)

    def test_supers_k_zero_and_k_larger_than_table(self):
        self.assertEqual(pairs.propose_supers(self.PAIRS, self.insts, 0), ([], []))
        chosen, _ = pairs.propose_supers(self.PAIRS, self.insts, 100)
        self.assertEqual(len(chosen), 7)  # every fusable pair, no more

    def test_predict_single_dominant_successor(self):
        total = sum(self.PAIRS.values())
        chosen, rejected = pairs.propose_predicts(self.PAIRS, self.insts, total, max_successors=1)
        self.assertEqual(rejected, [])
        # Declaration order of the predicting instruction.
        self.assertEqual([(c.op, c.names) for c in chosen],
                         [("LOAD_CONST", ["BINARY_OP"]), ("STORE_FAST", ["LOAD_FAST"]),
                          ("BINARY_OP", ["STORE_FAST"]), ("COMPARE_OP", ["POP_JUMP_IF_FALSE"]),
                          ("CALL", ["STORE_FAST"])])
        binop = chosen[2]
        self.assertEqual((binop.count, binop.followed), (450, 500))
        self.assertAlmostEqual(binop.share, 0.9)

    def test_predict_two_successors_cover_the_share(self):
        # LOAD_FAST: LOAD_FAST 800, LOAD_CONST 600, COMPARE_OP 300, EXTENDED_ARG 10
        # -> top one is 47%, top two 82%: qualifies only with max_successors >= 2.
        total = sum(self.PAIRS.values())
        one, _ = pairs.propose_predicts(self.PAIRS, self.insts, total, max_successors=1)
        self.assertNotIn("LOAD_FAST", [c.op for c in one])
        two, rejected = pairs.propose_predicts(self.PAIRS, self.insts, total, max_successors=2)
        # ... where it would predict itself: a cycle, rejected.
        self.assertEqual([(c.op, c.names, cycle) for c, cycle in rejected],
                         [("LOAD_FAST", ["LOAD_FAST", "LOAD_CONST"], ["LOAD_FAST", "LOAD_FAST"])])
        self.assertEqual(rejected[0][0].count, 1400)
        self.assertNotIn("LOAD_FAST", [c.op for c in two])
        self.assertNotIn("EXTENDED_ARG", [c.op for c in two])  # a prefix has no PREDICT epilogue
        t = table(LOAD_CONST__BINARY_OP=50, LOAD_CONST__STORE_FAST=40, LOAD_CONST__NOP=10)
        chosen, _ = pairs.propose_predicts(t, self.insts, 100, max_successors=2)
        self.assertEqual([(c.op, c.names) for c in chosen], [("LOAD_CONST", ["BINARY_OP", "STORE_FAST"])])

    def test_predict_leaves_out_fused_pairs(self):
        # STORE_FAST LOAD_FAST is fused: the STORE_FASTs left are followed by
        # BINARY_OP 30, NOP 20 (60%, not more): no PREDICT for STORE_FAST.
        t = table(STORE_FAST__LOAD_FAST=900, STORE_FAST__BINARY_OP=30, STORE_FAST__NOP=20)
        self.assertEqual([c.names for c in pairs.propose_predicts(t, self.insts, 950)[0]], [["LOAD_FAST"]])
        fused = {("STORE_FAST", "LOAD_FAST")}
        self.assertEqual(pairs.propose_predicts(t, self.insts, 950, fused=fused)[0], [])
        # With BINARY_OP 31 of the 50 left (62%): predicted, measured against the 50.
        t["STORE_FAST", "BINARY_OP"] = 31
        t["STORE_FAST", "NOP"] = 19
        (choice,), _ = pairs.propose_predicts(t, self.insts, 950, fused=fused)
        self.assertEqual((choice.names, choice.count, choice.followed), (["BINARY_OP"], 31, 50))

    def test_predict_expects_misses_on_fused_successors(self):
        # JUMP_BACKWARD is always followed by LOAD_FAST, but 3/4 of the
        # LOAD_FASTs start LOAD_FAST__LOAD_FAST: predict(LOAD_FAST) would hit
        # 25% of the time.
        t = table(JUMP_BACKWARD__LOAD_FAST=1000, LOAD_FAST__LOAD_FAST=750, LOAD_FAST__BINARY_OP=250)
        self.assertEqual([c.op for c in pairs.propose_predicts(t, self.insts, 2000)[0]], ["JUMP_BACKWARD"])
        fused = {("LOAD_FAST", "LOAD_FAST")}
        chosen, _ = pairs.propose_predicts(t, self.insts, 2000, fused=fused)
        self.assertEqual([(c.op, c.names) for c in chosen], [("LOAD_FAST", ["BINARY_OP"])])  # not JUMP_BACKWARD
        scored = pairs.declared_predict("JUMP_BACKWARD", ["LOAD_FAST"], t, fused)
        self.assertAlmostEqual(scored.share, 0.25)
        self.assertAlmostEqual(scored.count, 250)

    def test_predict_saves_less_when_op_is_a_second_half(self):
        # Half of the BINARY_OPs run inside LOAD_CONST__BINARY_OP (no epilogue):
        # the hit rate is unchanged, the dispatches saved halve.
        t = table(LOAD_CONST__BINARY_OP=500, LOAD_FAST__BINARY_OP=500, BINARY_OP__STORE_FAST=900, BINARY_OP__NOP=100)
        chosen, _ = pairs.propose_predicts(t, self.insts, 2000, fused={("LOAD_CONST", "BINARY_OP")})
        (choice,) = [c for c in chosen if c.op == "BINARY_OP"]
        self.assertEqual(choice.names, ["STORE_FAST"])
        self.assertAlmostEqual(choice.share, 0.9)
        self.assertAlmostEqual(choice.count, 450)

    def test_predict_never_names_a_prefix(self):
        t = table(LOAD_CONST__EXTENDED_ARG=900, LOAD_CONST__LOAD_FAST=100)
        chosen, _ = pairs.propose_predicts(t, self.insts, 1000, max_successors=2)
        self.assertEqual(chosen, [])  # LOAD_FAST alone is 10%

    def test_predict_thresholds(self):
        t = table(LOAD_CONST__BINARY_OP=60, LOAD_CONST__STORE_FAST=40)
        self.assertEqual(pairs.propose_predicts(t, self.insts, 100, max_successors=1)[0], [])  # 60% is not > 60%
        t = table(LOAD_CONST__BINARY_OP=61, LOAD_CONST__STORE_FAST=39)
        self.assertEqual(len(pairs.propose_predicts(t, self.insts, 100, max_successors=1)[0]), 1)
        # The same pair below 0.5% of all dispatches is not worth it.
        self.assertEqual(pairs.propose_predicts(t, self.insts, 100_000, max_successors=1)[0], [])

    def test_predict_rejects_cycles(self):
        t = table(LOAD_FAST__LOAD_FAST=90, LOAD_FAST__STORE_FAST=10,
                  STORE_FAST__BINARY_OP=80, STORE_FAST__NOP=20,
                  BINARY_OP__STORE_FAST=95, BINARY_OP__NOP=5)
        chosen, rejected = pairs.propose_predicts(t, self.insts, 300, max_successors=1)
        # BINARY_OP -> STORE_FAST saves most and goes first; STORE_FAST ->
        # BINARY_OP would close a cycle; LOAD_FAST -> LOAD_FAST is one.
        self.assertEqual([(c.op, c.names) for c in chosen], [("BINARY_OP", ["STORE_FAST"])])
        self.assertEqual(sorted((c.op, tuple(cycle)) for c, cycle in rejected),
                         [("LOAD_FAST", ("LOAD_FAST", "LOAD_FAST")),
                          ("STORE_FAST", ("STORE_FAST", "BINARY_OP", "STORE_FAST"))])

    def test_predict_cycle_through_existing_clause(self):
        # COMPARE_OP already predicts POP_JUMP_IF_FALSE (kept: not re-proposed).
        t = table(POP_JUMP_IF_FALSE__COMPARE_OP=100)
        chosen, rejected = pairs.propose_predicts(t, self.insts, 100)
        self.assertEqual(chosen, [])
        self.assertEqual(rejected[0][1], ["POP_JUMP_IF_FALSE", "COMPARE_OP", "POP_JUMP_IF_FALSE"])


class RewriteTests(unittest.TestCase):
    def test_set_predict_inserts_after_branch(self):
        line = "inst FOR_ITER arg jump (iter -- iter, next) branch(iter -- ) : next or jump"
        self.assertEqual(pairs.set_predict(line, ["STORE_FAST", "UNPACK_SEQUENCE"]),
                         "inst FOR_ITER arg jump (iter -- iter, next) branch(iter -- ) "
                         "predict(STORE_FAST, UNPACK_SEQUENCE) : next or jump")

    def test_set_predict_replaces_existing(self):
        line = "inst COMPARE_OP arg (left, right -- res) predict(POP_JUMP_IF_FALSE) : compare (see predict(X))"
        self.assertEqual(pairs.set_predict(line, ["POP_JUMP_IF_TRUE"]),
                         "inst COMPARE_OP arg (left, right -- res) predict(POP_JUMP_IF_TRUE) : compare (see predict(X))")

    def test_rewrite(self):
        defs = pairs.parse_definitions(MINI_DEF)
        supers = [pairs.SuperChoice("LOAD_FAST", "LOAD_CONST", 10), pairs.SuperChoice("LOAD_FAST", "LOAD_FAST", 9)]
        predicts = [pairs.PredictChoice("BINARY_OP", [("STORE_FAST", 9)], 10),
                    pairs.PredictChoice("COMPARE_OP", [("POP_JUMP_IF_FALSE", 5), ("JUMP_BACKWARD", 4)], 10)]
        new = pairs.rewrite(MINI_DEF, supers, predicts)
        expected = MINI_DEF.replace(
            "inst BINARY_OP arg (lhs, rhs -- res) : lhs",
            "inst BINARY_OP arg (lhs, rhs -- res) predict(STORE_FAST) : lhs",
        ).replace(
            "predict(POP_JUMP_IF_FALSE) : compare",
            "predict(POP_JUMP_IF_FALSE, JUMP_BACKWARD) : compare",
        ).replace(
            "super LOAD_FAST__LOAD_FAST = LOAD_FAST + LOAD_FAST : push two locals\n"
            "super STORE_FAST__STORE_FAST = STORE_FAST + STORE_FAST : store two locals\n",
            "super LOAD_FAST__LOAD_CONST = LOAD_FAST + LOAD_CONST : fused from measured pair statistics (perf/pairs)\n"
            # An existing pair keeps its doc.
            "super LOAD_FAST__LOAD_FAST = LOAD_FAST + LOAD_FAST : push two locals\n",
        )
        self.assertEqual(new, expected)
        # The result parses, and applying it again changes nothing.
        self.assertEqual([s.name for s in pairs.parse_definitions(new).supers],
                         ["LOAD_FAST__LOAD_CONST", "LOAD_FAST__LOAD_FAST"])
        self.assertEqual(pairs.rewrite(new, supers, predicts), new)

    def test_rewrite_without_super_lines_appends(self):
        text = "inst NOP ( -- ) : nothing\ninst LOAD_FAST arg ( -- v) : local"  # no final newline
        new = pairs.rewrite(text, [pairs.SuperChoice("LOAD_FAST", "LOAD_FAST", 1)], [])
        self.assertEqual(new, text + "\nsuper LOAD_FAST__LOAD_FAST = LOAD_FAST + LOAD_FAST : "
                         "fused from measured pair statistics (perf/pairs)\n")

    def test_rewrite_keeps_crlf(self):
        text = MINI_DEF.replace("\n", "\r\n")
        new = pairs.rewrite(text, [], [pairs.PredictChoice("NOP", [("LOAD_FAST", 1)], 1)])
        self.assertIn("inst NOP ( -- ) predict(LOAD_FAST) : do nothing\r\n", new)
        self.assertNotIn("super ", new)
        self.assertEqual(new.count("\r\n"), text.count("\r\n") - 2)

    def test_unified_diff(self):
        diff = pairs.unified_diff("a\nb\n", "a\nc\n", "src/isa/instructions.def")
        self.assertIn("--- a/src/isa/instructions.def\n+++ b/src/isa/instructions.def\n", diff)
        self.assertIn("-b\n+c\n", diff)


class ReportTests(unittest.TestCase):
    def test_report_mentions_everything(self):
        defs = pairs.parse_definitions(MINI_DEF)
        t = ProposalTests.PAIRS
        total = sum(t.values()) + 14
        supers, skipped = pairs.propose_supers(t, defs.insts, 2)
        predicts, rejected = pairs.propose_predicts(t, defs.insts, total)
        text = pairs.format_report([("prog", 5, total)], t, total, defs, 3, supers, skipped, predicts, rejected,
                                   full=False)
        self.assertIn(f"{total:,}", text)
        self.assertIn("COMPARE_OP POP_JUMP_IF_FALSE", text)
        self.assertIn("no: POP_JUMP_IF_FALSE is a jump", text)
        self.assertIn("super LOAD_FAST__LOAD_CONST = LOAD_FAST + LOAD_CONST", text)
        self.assertIn("dropped: super STORE_FAST__STORE_FAST", text)
        self.assertIn("CALL STORE_FAST", text)


if __name__ == "__main__":
    unittest.main()
