"""The bundled venue registry: its build from the sources, its loading, merging and matching."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import ModuleType

import pytest

from scholarcli import venues
from scholarcli.model import VENUE_KINDS, Venue
from scholarcli.venues import match as venue_match

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "scripts" / "build_venues.py"
SAMPLE = Path(__file__).parent / "fixtures" / "venues"


def build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_venues", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def sample_registry(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Venue]:
    """The build script run on the sample sources, as a command, and its registry loaded."""
    out = tmp_path_factory.mktemp("venues") / "registry.tsv"
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--sources", str(SAMPLE), "--out", str(out), "--allow-missing"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "venues" in result.stdout
    return venues.load(out).venues


# --- the build script on the sample ---------------------------------------------------------


def test_sample_build_merges_the_sources(sample_registry: dict[str, Venue]) -> None:
    neurips = sample_registry["NeurIPS"]  # CCF twice, ccf-deadlines once, a curated alias
    assert neurips.name == "Conference on Neural Information Processing Systems"
    assert "NIPS" in neurips.aliases and "Advances in Neural Information Processing Systems" in neurips.aliases
    assert sample_registry["KDD"].name.endswith("Knowledge Discovery and Data Mining")  # ccf-deadlines' SIGKDD
    assert "SIGKDD" in sample_registry["KDD"].aliases
    assert sample_registry["JMLR"].aliases == ("J. Mach. Learn. Res.",)  # from JabRef
    assert sample_registry["arXiv"].kind == "preprint" and "CoRR" in sample_registry["arXiv"].aliases
    assert sample_registry["TMLR"].kind == "journal"  # curated: no source has it


def test_sample_build_keeps_different_venues_with_one_acronym_apart(sample_registry: dict[str, Venue]) -> None:
    assert "Foundations of Software Engineering" in sample_registry["FSE"].name
    assert "Fast Software Encryption" in sample_registry
    assert sample_registry["AsiaCCS"].name == "Asia Conference on Computer and Communications Security"
    assert "AsiaCCS" not in sample_registry["CCS"].aliases  # ccf-deadlines gives AsiaCCS the DBLP key of CCS
    assert sample_registry["STOC"].name == "ACM Symposium on the Theory of Computing"
    assert "Social Threats in Online Conversations" in sample_registry  # the ACL Anthology's STOC


def test_sample_build_drops_tracks_and_takes_names_researchers_use(sample_registry: dict[str, Venue]) -> None:
    assert "Findings" not in sample_registry and "WS" not in sample_registry
    assert sample_registry["CL"].name == "Computational Linguistics"  # one venue from CCF and the ACL Anthology
    assert sample_registry["CL"].kind == "journal"
    assert "WNUT" in sample_registry["W-NUT"].aliases
    assert sample_registry["JASA"].aliases[0] == "J. Am. Stat. Assoc."


def test_sample_build_reads_the_ccf_areas_in_order() -> None:
    script = build_script()
    fields = {entry.acronym: entry.area for entry in script.read_ccf(SAMPLE / script.CCF_FILE)}
    assert (fields["TOCS"], fields["SIGCOMM"], fields["CCS"]) == ("systems", "networking", "security")


def test_build_fails_on_curated_journals_missing_from_jabref(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--sources", str(SAMPLE), "--out", str(tmp_path / "r.tsv")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "Biometrika" in result.stderr and not (tmp_path / "r.tsv").exists()


def test_bundled_registry_is_what_the_sources_give() -> None:
    result = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


# --- the bundled registry -------------------------------------------------------------------


WELL_KNOWN = [
    *[
        "NeurIPS",
        "ICML",
        "ICLR",
        "ACL",
        "EMNLP",
        "NAACL",
        "EACL",
        "COLING",
        "CVPR",
        "ICCV",
        "ECCV",
        "AAAI",
        "IJCAI",
        "KDD",
        "WWW",
        "SIGIR",
        "CHI",
        "UIST",
        "OSDI",
        "SOSP",
        "SIGMOD",
        "VLDB",
        "CCS",
        "S&P",
        "STOC",
        "FOCS",
        "SODA",
        "ICRA",
        "IROS",
        "RSS",
        "CoRL",
        "JMLR",
        "TMLR",
        "TPAMI",
        "TACL",
        "CL",
        "AISTATS",
        "UAI",
        "COLT",
        "arXiv",
        "PNAS",
    ],
    *("USENIX Security", "Nature", "Science", "Nature Communications", "Scientific Reports", "PLOS ONE"),
]


def test_bundled_registry_has_the_venues_researchers_name() -> None:
    registry = venues.bundled()
    assert len(registry) >= 400
    assert [acronym for acronym in WELL_KNOWN if acronym not in registry] == []
    assert all(venue.kind in VENUE_KINDS and venue.name for venue in registry.values())
    assert registry["arXiv"].kind == "preprint"
    assert "NIPS" in registry["NeurIPS"].aliases
    assert registry["JASA"].name == "Journal of the American Statistical Association"
    assert venues.field_of("NeurIPS") == "ml" and venues.field_of("AoS") == "statistics"
    assert venues.field_of("no such venue") is None


def test_bundled_registry_keys_are_unique_without_case() -> None:
    keys = [acronym.casefold() for acronym in venues.bundled()]
    assert len(keys) == len(set(keys))


def test_matching_the_bundled_registry_computes_no_index_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """The registry file carries each venue's index columns, so that loading it costs a read, not
    the normalising of 2,500 names: a matcher of the bundled registry computes none of its own."""
    registry = venues.load(venues.REGISTRY)
    computed: list[int] = []
    real = venue_match.index_columns

    def counted(todo: Mapping[str, Venue], others: Iterable[str] = ()) -> dict[str, str]:
        computed.append(len(todo))
        return real(todo, others)

    monkeypatch.setattr(venue_match, "index_columns", counted)
    venue_match.Matcher(registry.venues, registry.columns)
    assert computed == [0]


def test_the_stored_index_columns_are_what_the_matcher_computes() -> None:
    registry = venues.load(venues.REGISTRY)
    assert {acronym: column for acronym, (_, column) in registry.columns.items()} == venue_match.index_columns(
        registry.venues
    )
    keyed = venue_match.Matcher(registry.venues, registry.columns)
    computed = venue_match.Matcher(registry.venues, {})
    assert (keyed._names, keyed._acronyms) == (computed._names, computed._acronyms)


def test_loading_is_lazy() -> None:
    code = "import sys, scholarcli.venues, scholarcli.venues.match; print(scholarcli.venues._CACHE)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "{}"


def test_a_malformed_registry_line_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "registry.tsv"
    line = "ICML\tconference\tml\tInternational Conference on Machine Learning\t\t\t+icml|=international conference"
    path.write_text(f"# comment\n{line}\nX\tbook\n")
    with pytest.raises(ValueError, match=r"registry\.tsv:3"):
        venues.load(path)


# --- merging with a library's venues --------------------------------------------------------


def test_library_venues_extend_and_override() -> None:
    library = {
        "ICML": Venue("ICML", "Intl. Conf. on Machine Learning"),
        "neurips": Venue("neurips", "NeurIPS, our way", aliases=("NeurIPS Conference",)),
        "MyWS": Venue("MyWS", "My Own Workshop", kind="workshop"),
    }
    result = venues.merged(library)
    assert list(result)[:3] == ["ICML", "neurips", "MyWS"]  # the library's first: they win a shared name
    assert result["ICML"].name == "Intl. Conf. on Machine Learning"
    assert "Int. Conf. Mach. Learn." in result["ICML"].aliases  # the bundled aliases are kept
    assert "NeurIPS" not in result  # overridden without regard to case
    assert result["neurips"].aliases[:3] == ("NeurIPS Conference", "NeurIPS", "NIPS")
    assert result["neurips"].aliases[-1] == "Conference on Neural Information Processing Systems"  # the bundled name
    assert result["MyWS"].kind == "workshop"
    assert len(result) == len(venues.bundled()) + 1


def test_settings_read_from_library_toml_carry_the_registry_as_a_value() -> None:
    import pickle

    from scholarcli.model import Settings
    from scholarcli.store.records import parse_settings

    read = parse_settings(b'schema = 1\n[venues.MyWS]\nname = "My Own Workshop"\nkind = "workshop"\n')
    assert read.venue("MyWS") == Venue("MyWS", "My Own Workshop", kind="workshop")
    assert read.venue("ICLR") == venues.bundled()["ICLR"]
    assert venues.registry_of(read).named("international conference on learning representations") == "ICLR"
    assert venues.registry_of(read).matcher() is venues.registry_of(read).matcher()  # built once per value
    # the index stores settings in every shard: the library's venues, never the merged registry
    stored = pickle.dumps(read)
    assert len(stored) < 1000 and pickle.loads(stored) == read
    assert pickle.loads(stored).venue("ICLR") == read.venue("ICLR")
    # settings made in code know what they are given: their own venues, no file read
    made = Settings(schema=1, venues={"MyWS": Venue("MyWS", "My Own Workshop")})
    assert made.venue("ICLR") is None and made.venue("MyWS") is not None
    assert venues.registry_of(made).named("ICLR") is None
    assert venues.registry_of(made).named("my own workshop") == "MyWS"


def test_merged_over_another_base_leaves_the_base_alone() -> None:
    base = {"A": Venue("A", "Alpha", publisher="P")}
    assert venues.merged({"A": Venue("A", "Alpha!")}, base)["A"] == Venue(
        "A", "Alpha!", aliases=("Alpha",), publisher="P"
    )
    assert base["A"].name == "Alpha"


def test_the_matcher_prefers_the_library_venue() -> None:
    library = {
        "ACL-IJCNLP": Venue(
            "ACL-IJCNLP",
            "Annual Meeting of the Association for Computational Linguistics and International Joint Conference"
            " on Natural Language Processing",
        )
    }
    matcher = venue_match.Matcher(venues.merged(library))
    text = (
        "Proceedings of the 59th Annual Meeting of the Association for Computational Linguistics and the 11th"
        " International Joint Conference on Natural Language Processing (Volume 1: Long Papers)"
    )
    assert matcher.match(text) == "ACL-IJCNLP"
    assert venue_match.match(text) == "ACL"  # the bundled registry alone: the main venue of the two


# --- matching free text ---------------------------------------------------------------------

# (text as DBLP, the ACL Anthology, Crossref or Google Scholar writes it, acronym, track)
REAL_VENUE_STRINGS: list[tuple[str, str | None, str | None]] = [
    # DBLP
    (
        "The Thirteenth International Conference on Learning Representations, ICLR 2025, Singapore, April 24-28, 2025",
        "ICLR",
        None,
    ),
    ("ICLR", "ICLR", None),
    ("NeurIPS", "NeurIPS", None),
    (
        "Advances in Neural Information Processing Systems 36: Annual Conference on Neural Information Processing"
        " Systems 2023, NeurIPS 2023, New Orleans, LA, USA, December 10 - 16, 2023",
        "NeurIPS",
        None,
    ),
    ("International Conference on Machine Learning, ICML 2023, 23-29 July 2023, Honolulu, Hawaii, USA", "ICML", None),
    ("ACL (1)", "ACL", None),
    ("EMNLP (Findings)", "EMNLP", "Findings"),
    (
        "Findings of the Association for Computational Linguistics: EMNLP 2023, Singapore, December 6-10, 2023",
        "EMNLP",
        "Findings",
    ),
    ("CoRR", "arXiv", None),
    ("J. Mach. Learn. Res.", "JMLR", None),
    ("Trans. Mach. Learn. Res.", "TMLR", None),
    ("IEEE Trans. Pattern Anal. Mach. Intell.", "TPAMI", None),
    ("Nat. Mach. Intell.", "Nature Machine Intelligence", None),
    ("Proc. VLDB Endow.", "VLDB", None),
    ("SIGMOD Conference", "SIGMOD", None),
    ("KDD", "KDD", None),
    ("WWW", "WWW", None),
    ("SP", "S&P", None),
    ("USENIX Security Symposium", "USENIX Security", None),
    ("CCS", "CCS", None),
    ("CHI", "CHI", None),
    ("STOC", "STOC", None),
    ("FOCS", "FOCS", None),
    ("SODA", "SODA", None),
    ("ICRA", "ICRA", None),
    ("IROS", "IROS", None),
    ("Robotics: Science and Systems", "RSS", None),
    ("CoRL", "CoRL", None),
    ("CVPR", "CVPR", None),
    ("ECCV (12)", "ECCV", None),
    ("AAAI", "AAAI", None),
    ("IJCAI", "IJCAI", None),
    ("SIGIR", "SIGIR", None),
    ("UIST", "UIST", None),
    ("OSDI", "OSDI", None),
    ("Artif. Intell.", "AI", None),
    ("Mach. Learn.", "Machine Learning", None),
    ("Neurocomputing", "Neurocomputing", None),
    ("Comput. Linguistics", "CL", None),
    ("Trans. Assoc. Comput. Linguistics", "TACL", None),
    (
        "Thirty-Seventh AAAI Conference on Artificial Intelligence, AAAI 2023, Washington, DC, USA, February 7-14, 2023",
        "AAAI",
        None,
    ),
    # ACL Anthology
    (
        "Proceedings of the 61st Annual Meeting of the Association for Computational Linguistics (Volume 1: Long Papers)",
        "ACL",
        None,
    ),
    ("Proceedings of the 2023 Conference on Empirical Methods in Natural Language Processing", "EMNLP", None),
    ("Findings of the Association for Computational Linguistics: ACL 2023", "ACL", "Findings"),
    ("Findings of the Association for Computational Linguistics: NAACL 2024", "NAACL", "Findings"),
    (
        "Proceedings of the 2019 Conference of the North American Chapter of the Association for Computational"
        " Linguistics: Human Language Technologies, Volume 1 (Long and Short Papers)",
        "NAACL",
        None,
    ),
    (
        "Proceedings of the 59th Annual Meeting of the Association for Computational Linguistics and the 11th"
        " International Joint Conference on Natural Language Processing (Volume 1: Long Papers)",
        "ACL",
        None,
    ),
    ("Proceedings of the Sixth Workshop on Noisy User-generated Text (W-NUT 2020)", "W-NUT", None),
    ("Transactions of the Association for Computational Linguistics", "TACL", None),
    ("Computational Linguistics", "CL", None),
    ("Proceedings of the 28th International Conference on Computational Linguistics", "COLING", None),
    ("Proceedings of the 17th International Workshop on Semantic Evaluation (SemEval-2023)", "SemEval", None),
    ("Proceedings of the Eighth Conference on Machine Translation", "WMT", None),
    (
        "Proceedings of the 18th Conference of the European Chapter of the Association for Computational Linguistics"
        " (Volume 1: Long Papers)",
        "EACL",
        None,
    ),
    ("Proceedings of the 27th Conference on Computational Natural Language Learning (CoNLL)", "CoNLL", None),
    # Crossref
    ("2023 IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)", "CVPR", None),
    ("2023 IEEE/CVF International Conference on Computer Vision (ICCV)", "ICCV", None),
    ("Computer Vision – ECCV 2022", "ECCV", None),
    ("Proceedings of the AAAI Conference on Artificial Intelligence", "AAAI", None),
    ("Proceedings of the 29th ACM SIGKDD Conference on Knowledge Discovery and Data Mining", "KDD", None),
    ("Proceedings of the ACM Web Conference 2023", "WWW", None),
    (
        "Proceedings of the 46th International ACM SIGIR Conference on Research and Development in Information Retrieval",
        "SIGIR",
        None,
    ),
    ("Proceedings of the 2023 CHI Conference on Human Factors in Computing Systems", "CHI", None),
    ("Proceedings of the 2023 ACM SIGSAC Conference on Computer and Communications Security", "CCS", None),
    ("2023 IEEE Symposium on Security and Privacy (SP)", "S&P", None),
    ("2023 IEEE International Conference on Robotics and Automation (ICRA)", "ICRA", None),
    ("2023 IEEE/RSJ International Conference on Intelligent Robots and Systems (IROS)", "IROS", None),
    ("Proceedings of the 55th Annual ACM Symposium on Theory of Computing", "STOC", None),
    ("Proceedings of the ACM on Management of Data", "SIGMOD", None),
    ("Proceedings of the International AAAI Conference on Web and Social Media", "ICWSM", None),
    ("Nature Communications", "Nature Communications", None),
    ("Nature", "Nature", None),
    ("Science", "Science", None),
    ("Science Advances", "Science Advances", None),
    ("Proceedings of the National Academy of Sciences", "PNAS", None),
    ("Proc. Natl. Acad. Sci. U.S.A.", "PNAS", None),
    ("Scientific Reports", "Scientific Reports", None),
    ("PLoS ONE", "PLOS ONE", None),
    ("Journal of the American Statistical Association", "JASA", None),
    ("The Annals of Statistics", "AoS", None),
    ("Journal of the Royal Statistical Society Series B: Statistical Methodology", "JRSS-B", None),
    ("Biometrika", "Biometrika", None),
    ("IEEE Transactions on Pattern Analysis and Machine Intelligence", "TPAMI", None),
    ("International Journal of Computer Vision", "IJCV", None),
    ("Nature Machine Intelligence", "Nature Machine Intelligence", None),
    # Google Scholar
    ("Advances in neural information processing systems", "NeurIPS", None),
    ("International conference on machine learning", "ICML", None),
    ("arXiv preprint arXiv:2409.13598", "arXiv", None),
    ("Proceedings of the IEEE/CVF conference on computer vision and pattern recognition", "CVPR", None),
    ("Proceedings of the AAAI conference on artificial intelligence", "AAAI", None),
    ("Journal of machine learning research", "JMLR", None),
    ("Transactions on Machine Learning Research", "TMLR", None),
    ("Conference on Neural Information Processing Systems (NeurIPS)", "NeurIPS", None),
    ("The Twelfth International Conference on Learning Representations", "ICLR", None),
    ("Proceedings of the 40th International Conference on Machine Learning", "ICML", None),
    ("Conference on Robot Learning", "CoRL", None),
    ("NeurIPS 2023 Workshop on Foundation Models for Decision Making", "NeurIPS", "Workshop"),
    ("IEEE/CVF Conference on Computer Vision and Pattern Recognition Workshops", "CVPR", "Workshop"),
    ("CHI '23", "CHI", None),
    ("Neurips", "NeurIPS", None),
    # Not a venue of the registry, or only a common word that is also an acronym
    ("Nature Reviews Cancer", None, None),
    ("Frontiers in Artificial Intelligence", None, None),
    ("Frontiers in AI", None, None),
    ("AI Magazine", None, None),
    ("Chi-square goodness of fit tests", None, None),
    ("chi", None, None),
    ("A date with destiny", None, None),
    ("Case Reports in Medicine", None, None),
    ("Lecture Notes in Computer Science", None, None),
    ("Science of the Total Environment", None, None),
    ("Cancer Cell", None, None),
    ("Proceedings of Machine Learning for Healthcare", None, None),
    ("Communications in Statistics - Theory and Methods", None, None),
    ("All of Statistics", None, None),
    ("Fast food nation", None, None),
    ("2023", None, None),
    ("", None, None),
]


@pytest.mark.parametrize(("text", "acronym", "track"), REAL_VENUE_STRINGS)
def test_match_real_venue_strings(text: str, acronym: str | None, track: str | None) -> None:
    found = venue_match.identify(text)
    got = (found.acronym, found.track) if found else (None, None)
    assert got == (acronym, track)
    assert venue_match.match(text) == acronym


def test_there_are_enough_real_strings() -> None:
    assert len(REAL_VENUE_STRINGS) >= 60
    assert sum(1 for _, acronym, _ in REAL_VENUE_STRINGS if acronym is None) >= 10


def test_every_expected_acronym_is_in_the_registry() -> None:
    registry = venues.bundled()
    assert {acronym for _, acronym, _ in REAL_VENUE_STRINGS if acronym} <= set(registry)


def test_every_bundled_venue_is_found_by_its_own_name() -> None:
    """A venue's full name names it (but for the journal Parallel Computing: the conference has that name too)."""
    matcher = venue_match.default_matcher()
    registry = venues.bundled()
    wrong = [acronym for acronym, venue in registry.items() if matcher.match(venue.name) != acronym]
    assert wrong == ["Parallel Computing (journal)"]


def test_suggest_finds_misspelt_venues() -> None:
    assert venue_match.suggest("NeurIPs")[0] == "NeurIPS"
    assert venue_match.suggest("EMNPL")[0] == "EMNLP"
    assert venue_match.suggest("Internatonal Conference on Machin Learning")[0] == "ICML"
    assert venue_match.suggest("Nature Comunications")[0] == "Nature Communications"
    assert venue_match.suggest("zzzzzz qqqq") == []
    assert venue_match.suggest("") == []


def test_batch_keys_agree_with_name_key() -> None:
    registry = venues.bundled()
    forms = [form for acronym, venue in registry.items() for form in (acronym, venue.name, *venue.aliases)]
    forms += ["Thirty-Seventh AAAI", "ICLR2024 x", "First Workshop on X", "the the a a of", "Hervé\nSecond", ""]
    assert venue_match._name_keys(forms) == [" ".join(venue_match.name_key(form)) for form in forms]


def test_name_key_drops_edition_marks_and_small_words() -> None:
    assert venue_match.name_key("The 61st Annual Meeting of the ACL, 2023") == ("annual", "meeting", "acl")
    assert venue_match.name_key("Thirty-Seventh AAAI'23") == ("aaai",)
    assert venue_match.name_key("ICLR2024") == ("iclr",)
    assert venue_match.name_key("Journées d'Études") == ("journees", "d", "etudes")
    assert venue_match.name_key("PLOS ONE") == ("plos", "one")
