"""
Business identifiers buyers check across the border. The check-digit rules are
python-stdnum's (fi.ytunnus, fi.alv, se.orgnr, se.vat); this module keeps the layout
we store and show, and explains a refusal in the editor's language.

- Finnish business ID (Y-tunnus): NNNNNNN-C, a weighted modulus-11 check digit.
- Swedish organisation number (organisationsnummer): NNNNNN-NNNC, a Luhn check digit
  over the ten digits. A sole trader's number is their personal identity number, so its
  third digit may be below 2: that is not refused.
- VAT numbers: FI + the 8 digits of the Y-tunnus; SE + the 10 digits of the
  organisation number + 01.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import luhn
from stdnum.exceptions import InvalidChecksum
from stdnum.exceptions import ValidationError as NumberError
from stdnum.fi import alv, ytunnus
from stdnum.se import orgnr
from stdnum.se import vat as se_vat

Y_TUNNUS_FORMAT = _(
    "Enter a Finnish business ID as seven digits, a hyphen and a check digit, e.g. 1572860-0."
)
Y_TUNNUS_CHECKSUM = _("This Finnish business ID's check digit is wrong; please check the number.")
ORG_NUMBER_FORMAT = _("Enter a Swedish organisation number as ten digits, e.g. 556036-0793.")
ORG_NUMBER_CHECKSUM = _(
    "This Swedish organisation number's check digit is wrong; please check the number."
)
FI_VAT_FORMAT = _("A Finnish VAT number is FI and eight digits, e.g. FI15728600.")
SE_VAT_FORMAT = _("A Swedish VAT number is SE, ten digits and 01, e.g. SE556036079301.")


def _check(validate, value, format_message, checksum_message):
    """Run a python-stdnum validator, turning its refusal into our message: a wrong check
    digit is told apart from anything else (letters, other digits than 0-9, length)."""
    try:
        validate(value)
    except InvalidChecksum:
        raise ValidationError(checksum_message, code="checksum") from None
    except NumberError:
        raise ValidationError(format_message, code="format") from None


def y_tunnus_check_digit(first_seven: str) -> str | None:
    """The check digit for seven digits, or None if no business ID starts with them (the
    weighted sum leaves remainder 1)."""
    return next((digit for digit in "0123456789" if ytunnus.is_valid(first_seven + digit)), None)


def luhn_check_digit(digits: str) -> str:
    return luhn.calc_check_digit(digits)


def normalize_y_tunnus(value: str) -> str:
    return re.sub(r"\s", "", value or "")


def validate_y_tunnus(value: str) -> None:
    value = normalize_y_tunnus(value)
    # The stored layout, with its hyphen; stdnum would also take it without.
    if not re.fullmatch(r"\d{7}-\d", value):
        raise ValidationError(Y_TUNNUS_FORMAT, code="format")
    _check(ytunnus.validate, value, Y_TUNNUS_FORMAT, Y_TUNNUS_CHECKSUM)


def normalize_org_number(value: str) -> str:
    digits = re.sub(r"\D", "", value or "")
    if len(digits) == 12 and digits.startswith("16"):  # the long form's century prefix
        digits = digits[2:]
    return f"{digits[:6]}-{digits[6:]}" if len(digits) == 10 else (value or "").strip()


def validate_org_number(value: str) -> None:
    value = normalize_org_number(value)
    if not re.fullmatch(r"\d{6}-\d{4}", value):
        raise ValidationError(ORG_NUMBER_FORMAT, code="format")
    _check(orgnr.validate, value, ORG_NUMBER_FORMAT, ORG_NUMBER_CHECKSUM)


def normalize_vat_number(value: str) -> str:
    return re.sub(r"[\s.-]", "", value or "").upper()


def validate_vat_number(value: str) -> None:
    value = normalize_vat_number(value)
    if value.startswith("FI"):
        if not re.fullmatch(r"FI\d{8}", value):
            raise ValidationError(FI_VAT_FORMAT, code="format")
        _check(alv.validate, value, FI_VAT_FORMAT, Y_TUNNUS_CHECKSUM)
    elif value.startswith("SE"):
        if not re.fullmatch(r"SE\d{10}01", value):
            raise ValidationError(SE_VAT_FORMAT, code="format")
        _check(se_vat.validate, value, SE_VAT_FORMAT, ORG_NUMBER_CHECKSUM)
    else:
        raise ValidationError(
            _("Enter a Swedish (SE…) or Finnish (FI…) VAT number."), code="country"
        )


def vat_for_y_tunnus(y_tunnus: str) -> str:
    return "FI" + normalize_y_tunnus(y_tunnus).replace("-", "")


def vat_for_org_number(org_number: str) -> str:
    return "SE" + normalize_org_number(org_number).replace("-", "") + "01"
