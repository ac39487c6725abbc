"""The public API: ``reportedly.__all__`` is sorted and names what exists."""

from __future__ import annotations

import inspect

import reportedly


def test_all_is_sorted_and_unique() -> None:
    assert reportedly.__all__ == sorted(reportedly.__all__)
    assert len(set(reportedly.__all__)) == len(reportedly.__all__)


def test_every_exported_name_exists() -> None:
    missing = [name for name in reportedly.__all__ if not hasattr(reportedly, name)]
    assert missing == []


def test_the_core_api_is_exported() -> None:
    for name in (
        "analyze",
        "open_store",
        "load_pipeline",
        "Settings",
        "Analysis",
        "Article",
        "ReportedlyError",
    ):
        assert name in reportedly.__all__


def test_exported_callables_and_classes_are_documented() -> None:
    undocumented = [
        name
        for name in reportedly.__all__
        if (inspect.isclass(obj := getattr(reportedly, name)) or inspect.isfunction(obj))
        and not inspect.getdoc(obj)
    ]
    assert undocumented == []


def test_errors_form_one_tree() -> None:
    errors = [getattr(reportedly, n) for n in reportedly.__all__ if n.endswith("Error")]
    assert len(errors) >= 6
    assert all(issubclass(e, reportedly.ReportedlyError) for e in errors)
    assert issubclass(reportedly.FetchError, reportedly.IngestError)
    err = reportedly.IngestError("no such file", input="a.html")
    assert (str(err), err.message, err.input) == ("a.html: no such file", "no such file", "a.html")
    assert str(reportedly.ConfigError("bad")) == "bad"


def test_version() -> None:
    assert isinstance(reportedly.__version__, str)
    assert reportedly.__version__.count(".") >= 2
