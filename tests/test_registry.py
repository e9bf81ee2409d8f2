"""Meta-tests over the registry: every detector is named, documented, tested and configurable."""

from __future__ import annotations

import dataclasses
import doctest
import json
from pathlib import Path

import pytest
import regex

import cleantext
from cleantext import Config, ConfigError, Detector
from cleantext.docs import detectors_markdown, field_docs
from cleantext.registry import Registry

ROOT = Path(__file__).parent.parent
FIXTURES = ROOT / "fixtures" / "detectors"
MIN_CASES = 4
SNAKE_CASE = regex.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
STABLE_NAMES = frozenset(
    {
        "ad_gap",
        "ad_label",
        "breadcrumb",
        "comments",
        "cookie_notice",
        "copyright",
        "menu",
        "newsletter",
        "photo_credit",
        "print_banner",
        "related_list",
        "social_row",
        "tag_list",
    }
)
"""Names users put in their configs: renaming one breaks them, so it must fail here first."""

DETECTORS = list(cleantext.DETECTORS.values())


def _ids(detector: Detector) -> str:
    return detector.name


def test_the_stable_names_are_all_registered() -> None:
    assert set(cleantext.DETECTORS.names()) >= STABLE_NAMES


@pytest.mark.parametrize("detector", DETECTORS, ids=_ids)
def test_name_is_snake_case_and_its_key(detector: Detector) -> None:
    assert SNAKE_CASE.match(detector.name), detector.name
    assert cleantext.DETECTORS[detector.name] is detector


def test_names_are_unique() -> None:
    names = [detector.name for detector in DETECTORS]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("detector", DETECTORS, ids=_ids)
def test_description_is_one_line(detector: Detector) -> None:
    description = detector.description
    assert description.strip() == description and description
    assert "\n" not in description and len(description) <= 100


@pytest.mark.parametrize("detector", DETECTORS, ids=_ids)
def test_detect_docstring_has_a_doctest(detector: Detector) -> None:
    docstring = detector.detect.__doc__ or ""
    examples = doctest.DocTestParser().get_examples(docstring)
    assert ">>>" in docstring and len(examples) >= 2, detector.name


@pytest.mark.parametrize("detector", DETECTORS, ids=_ids)
def test_params_are_a_frozen_dataclass_with_a_docstring_per_field(detector: Detector) -> None:
    params = detector.params
    assert dataclasses.is_dataclass(params) and not isinstance(params, type)
    items = dataclasses.fields(params)
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(params, items[0].name if items else "anything", None)
    documented = field_docs(type(params))
    missing = [item.name for item in items if not documented.get(item.name)]
    assert not missing, f"{detector.name}: parameters without a docstring: {missing}"


@pytest.mark.parametrize("detector", DETECTORS, ids=_ids)
def test_fixture_file_has_enough_cases(detector: Detector) -> None:
    path = FIXTURES / f"{detector.name}.json"
    assert path.exists(), f"missing {path.relative_to(ROOT)}"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["detector"] == detector.name
    assert len(data["positive"]) >= MIN_CASES and len(data["negative"]) >= MIN_CASES
    assert all(case["label"] and case["input"] for case in data["positive"] + data["negative"])


def test_membership_of_an_unknown_name_is_false() -> None:
    assert "no_such_detector" not in cleantext.DETECTORS
    assert all(name in cleantext.DETECTORS for name in STABLE_NAMES)


def test_registry_refuses_duplicate_names() -> None:
    existing = DETECTORS[0]
    twin = dataclasses.replace(existing, description="Another detector with a taken name.")
    with pytest.raises(ConfigError, match=existing.name):
        Registry([existing, twin])
    with pytest.raises(ConfigError, match=existing.name):
        cleantext.DETECTORS.with_detector(twin)
    with pytest.raises(ConfigError, match=existing.name):
        Config().add(twin)


@pytest.mark.parametrize("method", ["disable", "enable_only"])
def test_config_rejects_an_unknown_detector_naming_the_valid_ones(method: str) -> None:
    with pytest.raises(ConfigError) as raised:
        getattr(Config(), method)("no_such_detector")
    message = str(raised.value)
    assert "no_such_detector" in message
    assert all(name in message for name in cleantext.DETECTORS.names())


def test_config_rejects_tuning_an_unknown_detector() -> None:
    with pytest.raises(ConfigError, match="no_such_detector"):
        Config().tune("no_such_detector", score=0.5)


@pytest.mark.parametrize("detector", DETECTORS, ids=_ids)
def test_config_rejects_an_unknown_parameter_naming_the_valid_ones(detector: Detector) -> None:
    with pytest.raises(ConfigError) as raised:
        Config().tune(detector.name, no_such_parameter=1)
    message = str(raised.value)
    assert "no_such_parameter" in message
    assert all(name in message for name in detector.param_names())


def test_docs_page_is_generated_from_the_registry() -> None:
    page = (ROOT / "docs" / "detectors.md").read_text(encoding="utf-8")
    assert page == detectors_markdown(), (
        "docs/detectors.md is stale; regenerate it with: python -c "
        "\"import cleantext.docs as d; print(d.detectors_markdown(), end='')\" > docs/detectors.md"
    )


def test_docs_page_shows_every_detector_and_parameter() -> None:
    page = detectors_markdown()
    for detector in DETECTORS:
        assert f"## `{detector.name}`" in page
        assert all(f"`{name}`" in page for name in detector.param_names())


DOM_DETECTORS = ("dom_outside_main", "dom_landmark", "dom_link_density", "dom_comment_tail")


def test_the_dom_detectors_run_in_html_mode_only_unless_a_config_names_them() -> None:
    """They read the DOM evidence only HTML mode has: text mode does not run them (a run that
    could only return), and a config that names one runs it there (it finds nothing)."""
    text_mode, html_mode = Config().active_names("text"), Config().active_names("html")
    assert all(name in html_mode and name not in text_mode for name in DOM_DETECTORS)
    named = Config().enable("dom_landmark")
    assert "dom_landmark" in named.active_names("text")
    text = "Home | News | Sport\n\nThe council approved the budget on Monday after a debate."
    assert cleantext.clean(text, config=named).text == cleantext.clean(text).text
