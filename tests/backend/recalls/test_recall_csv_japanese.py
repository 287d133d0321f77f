"""Recall lists as Japanese manufacturers publish them, through the import API."""

from __future__ import annotations

import pytest

from backend.errors import InvalidInput
from backend.recalls import csv_import

API = "/api/v1"
OFFICER = "safety_officer"

JAPANESE = (
    "品名,型番,JANコード,事業者名,対象期間,危険内容,対応方法,問い合わせ先\n"
    "コードレス掃除機,\"AB-1234、AB-1235\",4901234567894,株式会社サンプル電機,2023年4月〜2024年3月,"
    "バッテリーが発火するおそれ,無償交換,0120-000-000\n"
    "コードレス掃除機 替えバッテリー,AB-BT1,,株式会社サンプル電機,2023年4月〜2024年3月,"
    "バッテリーが発火するおそれ,無償交換,0120-000-000\n"
    "加湿器,KS-500H,,株式会社別会社,2012/10/1～2013/2/28,発煙,返金,03-0000-0000\n"
)


def test_japanese_headers_make_one_recall_per_company_period_and_hazard() -> None:
    vacuum, humidifier = csv_import.parse(JAPANESE)
    assert vacuum.number.startswith("JP-") and vacuum.title == "株式会社サンプル電機 コードレス掃除機 リコール"
    assert (str(vacuum.sold_from), str(vacuum.sold_to)) == ("2023-04-01", "2024-03-31")
    assert vacuum.manufacturer == "株式会社サンプル電機" and vacuum.hazard == "バッテリーが発火するおそれ"
    assert vacuum.remedy == "無償交換" and vacuum.manufacturer_contact == "0120-000-000"
    assert {p.model_number for p in vacuum.products if p.model_number} == {"AB-1234", "AB-1235", "AB-BT1"}
    assert {p.barcode for p in vacuum.products if p.barcode} == {"4901234567894"}
    assert (str(humidifier.sold_from), str(humidifier.sold_to)) == ("2012-10-01", "2013-02-28")
    assert csv_import.parse(JAPANESE)[0].number == vacuum.number  # the same list, the same numbers: re-import skips


@pytest.mark.parametrize(("content", "message"), [
    ("品名,対象期間\n掃除機,いつか\n", "対象期間"),
    ("品名,色\n掃除機,赤\n", "unknown CSV column(s): 色"),
])
def test_bad_japanese_lists_say_what_is_wrong(content: str, message: str) -> None:
    with pytest.raises(InvalidInput) as error:
        csv_import.parse(content)
    assert message in str(error.value)


def test_japanese_csv_through_the_api(client, headers) -> None:
    response = client.post(f"{API}/recalls/import", json={"format": "csv", "content": JAPANESE},
                           headers=headers[OFFICER])
    assert response.status_code == 200, response.text
    assert len(response.json()["created"]) == 2
    again = client.post(f"{API}/recalls/import", json={"format": "csv", "content": JAPANESE},
                        headers=headers[OFFICER])
    assert again.json()["created"] == [] and len(again.json()["skipped"]) == 2
