"""Identifiers pulled from real-style recall prose and listing text."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from backend.listings.keys import gtin14
from backend.recalls.deadlines import holidays, removal_deadline
from backend.recalls.extract import barcodes, model_numbers
from backend.text.fold import fold

CPSC_TEXT = (
    "This recall involves all models of the Fisher-Price Rock 'n Play Sleeper, including model numbers "
    "FHW19, CHP56 and BJD22. UPCs 887796120101 and 8 87796 12020 0 are printed on the frame. "
    "Consumers can call 866-000-0000 or 090-1234-5678."
)


def test_several_model_numbers_in_a_labelled_list() -> None:
    assert [f.key for f in model_numbers(fold(CPSC_TEXT))][:3] == ["fhw19", "chp56", "bjd22"]


def test_barcodes_with_and_without_spaces_and_never_phone_numbers() -> None:
    codes = [f.key for f in barcodes(fold(CPSC_TEXT))]
    assert codes == ["00887796120101", "00887796120200"]


def test_full_width_japanese_model_and_jan() -> None:
    text = fold("型番：ＪＣＨ－１２ＴＤ４（ホワイト） JANコード 4967576 448611")
    assert [f.key for f in model_numbers(text)] == ["jch12td4"]
    assert [f.key for f in barcodes(text)] == ["04967576448611"]


def test_labelled_upc_without_its_check_digit_gets_one() -> None:
    assert [f.key for f in barcodes(fold("UPC 0 21638 60201"))] == ["00021638602015"]
    assert barcodes(fold("call 0 21638 60201")) == []  # unlabelled 11 digits: not a barcode


def test_bad_check_digit_is_not_a_barcode() -> None:
    assert barcodes(fold("JAN 4901234567890")) == []


def test_quantities_are_not_models_but_split_models_are() -> None:
    keys = [f.key for f in model_numbers(fold("1500W 20000mAh 2-in-1 model AB 1234X, EH-NA0J-A"))]
    assert keys == ["ab1234x", "ehna0ja"]


def test_model_label_does_not_eat_the_models_first_letter() -> None:
    assert [f.key for f in model_numbers(fold("model SG-S2, 2021"))] == ["sgs2"]


def test_offsets_point_at_the_text() -> None:
    text = fold("Anker PowerCore model A1263 black")
    (found,) = model_numbers(text)
    assert text[found.start:found.end] == "a1263"


@pytest.mark.parametrize(("code", "gtin"), [
    ("049000012345", "00049000012345"),  # UPC-A
    ("4901234567894", "04901234567894"),  # JAN
    ("0 49000 01234 5", "00049000012345"),
    ("１２３", None),
])
def test_gtin_padding(code: str, gtin: str | None) -> None:
    assert gtin14(code) == gtin


def test_upc_and_jan_spellings_of_one_product_agree() -> None:
    assert gtin14("012345678905") == gtin14("0012345678905")


def test_removal_deadline_skips_weekends_and_holidays() -> None:
    friday_3pm_jst = datetime(2025, 1, 10, 6, 0, tzinfo=UTC)  # Monday 13 Jan is Coming of Age Day
    assert removal_deadline(friday_3pm_jst) == datetime(2025, 1, 15, 6, 0, tzinfo=UTC)
    tuesday = datetime(2025, 3, 4, 1, 0, tzinfo=UTC)
    assert removal_deadline(tuesday) == datetime(2025, 3, 6, 1, 0, tzinfo=UTC)
    saturday = datetime(2025, 3, 8, 1, 0, tzinfo=UTC)  # counts from Monday 00:00 JST
    assert removal_deadline(saturday) == datetime(2025, 3, 11, 15, 0, tzinfo=UTC)


def test_japanese_holidays_include_substitutes_and_equinoxes() -> None:
    days = {d.isoformat() for d in holidays(2025)}
    assert {"2025-02-24", "2025-03-20", "2025-05-06", "2025-09-23", "2025-11-24"} <= days
