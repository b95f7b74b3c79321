"""Business identifiers are checked by their check-digit rules, with clear messages."""

import pytest
from django.core.exceptions import ValidationError

from companies import identifiers
from companies.models import CompanyPage


@pytest.mark.parametrize("value", ["0112038-9", "1572860-0", "2331972-7"])
def test_valid_finnish_business_ids_pass(value):
    identifiers.validate_y_tunnus(value)


@pytest.mark.parametrize(
    "value, code",
    [("1572860-1", "checksum"), ("1572860", "format"), ("15728600", "format"), ("abc", "format")],
)
def test_invalid_finnish_business_ids_are_refused(value, code):
    with pytest.raises(ValidationError) as error:
        identifiers.validate_y_tunnus(value)
    assert error.value.code == code


@pytest.mark.parametrize("value", ["556036-0793", "5560360793", "202100-5489", "16556036-0793"])
def test_valid_swedish_organisation_numbers_pass(value):
    identifiers.validate_org_number(value)


@pytest.mark.parametrize("value", ["556036-0794", "55603607", "556036-079X"])
def test_invalid_swedish_organisation_numbers_are_refused(value):
    with pytest.raises(ValidationError):
        identifiers.validate_org_number(value)


@pytest.mark.parametrize("value", ["FI15728600", "fi 1572 8600", "SE556036079301"])
def test_valid_vat_numbers_pass(value):
    identifiers.validate_vat_number(value)


@pytest.mark.parametrize(
    "value", ["FI15728601", "SE556036079401", "SE5560360793", "DE123456789", "FI1234"]
)
def test_invalid_vat_numbers_are_refused(value):
    with pytest.raises(ValidationError):
        identifiers.validate_vat_number(value)


# Digits of other scripts pass a regular expression's \d and int(), but no register
# issues them and nobody can search for or copy such an ID: ١٥٧٢٨٦٠-٠ is 1572860-0 in
# Arabic-Indic digits.
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@pytest.mark.parametrize(
    "validate, value",
    [
        (identifiers.validate_y_tunnus, "1572860-0".translate(ARABIC_INDIC)),
        (identifiers.validate_org_number, "556036-0793".translate(ARABIC_INDIC)),
        (identifiers.validate_vat_number, "FI" + "15728600".translate(ARABIC_INDIC)),
        (identifiers.validate_vat_number, "SE" + "5560360793".translate(ARABIC_INDIC) + "01"),
    ],
)
def test_identifiers_in_other_digits_are_refused_as_malformed(validate, value):
    with pytest.raises(ValidationError) as error:
        validate(value)
    assert error.value.code == "format"


def test_demo_identifiers_are_valid():
    from home.seed import demo_org_number, demo_y_tunnus

    for seed in ("norrvind", "aurora-grid", "x" * 40):
        identifiers.validate_y_tunnus(demo_y_tunnus(seed))
        identifiers.validate_org_number(demo_org_number(seed))


def company(**fields):
    return CompanyPage(title="Test Oy", slug="test-oy", pitch="Tests", **fields)


@pytest.mark.django_db
def test_company_vat_number_must_match_its_business_id():
    page = company(business_id_fi="1572860-0", vat_number="FI01120389")

    with pytest.raises(ValidationError) as error:
        page.clean()

    assert "must match the business ID" in str(error.value.message_dict["vat_number"])


@pytest.mark.django_db
def test_company_identifiers_are_normalised():
    page = company(org_number_se="5560360793", vat_number="se 5560 3607 9301")

    page.clean()

    assert page.org_number_se == "556036-0793"
    assert page.vat_number == "SE556036079301"
