"""
Business identifiers buyers check across the border, with their check-digit rules.

- Finnish business ID (Y-tunnus): NNNNNNN-C, weights 7,9,10,5,8,4,2, modulus 11;
  remainder 0 gives C=0, remainder 1 is never issued, otherwise C = 11 - remainder.
- Swedish organisation number (organisationsnummer): NNNNNN-NNNC, Luhn check digit
  over the ten digits; the third digit is at least 2 for legal entities.
- VAT numbers: FI + the 8 digits of the Y-tunnus; SE + the 10 digits of the
  organisation number + 01.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

Y_TUNNUS_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


def y_tunnus_check_digit(first_seven: str) -> int | None:
    """The check digit for seven digits, or None if such an ID cannot exist."""
    remainder = sum(int(d) * w for d, w in zip(first_seven, Y_TUNNUS_WEIGHTS, strict=True)) % 11
    if remainder == 1:
        return None
    return 0 if remainder == 0 else 11 - remainder


def luhn_check_digit(digits: str) -> int:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 0:  # every second digit from the right, starting next to the check digit
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return (10 - total % 10) % 10


def normalize_y_tunnus(value: str) -> str:
    return re.sub(r"\s", "", value or "")


def validate_y_tunnus(value: str) -> None:
    value = normalize_y_tunnus(value)
    if not re.fullmatch(r"\d{7}-\d", value):
        raise ValidationError(
            _(
                "Enter a Finnish business ID as seven digits, a hyphen and a check digit, "
                "e.g. 1572860-0."
            ),
            code="format",
        )
    if y_tunnus_check_digit(value[:7]) != int(value[-1]):
        raise ValidationError(
            _("This Finnish business ID's check digit is wrong; please check the number."),
            code="checksum",
        )


def normalize_org_number(value: str) -> str:
    digits = re.sub(r"\D", "", value or "")
    if len(digits) == 12 and digits.startswith("16"):  # the long form's century prefix
        digits = digits[2:]
    return f"{digits[:6]}-{digits[6:]}" if len(digits) == 10 else (value or "").strip()


def validate_org_number(value: str) -> None:
    value = normalize_org_number(value)
    if not re.fullmatch(r"\d{6}-\d{4}", value):
        raise ValidationError(
            _("Enter a Swedish organisation number as ten digits, e.g. 556036-0793."),
            code="format",
        )
    digits = value.replace("-", "")
    if luhn_check_digit(digits[:9]) != int(digits[9]):
        raise ValidationError(
            _("This Swedish organisation number's check digit is wrong; please check the number."),
            code="checksum",
        )


def normalize_vat_number(value: str) -> str:
    return re.sub(r"[\s.-]", "", value or "").upper()


def validate_vat_number(value: str) -> None:
    value = normalize_vat_number(value)
    if value.startswith("FI"):
        if not re.fullmatch(r"FI\d{8}", value):
            raise ValidationError(
                _("A Finnish VAT number is FI and eight digits, e.g. FI15728600."),
                code="format",
            )
        validate_y_tunnus(f"{value[2:9]}-{value[9]}")
    elif value.startswith("SE"):
        if not re.fullmatch(r"SE\d{10}01", value):
            raise ValidationError(
                _("A Swedish VAT number is SE, ten digits and 01, e.g. SE556036079301."),
                code="format",
            )
        validate_org_number(value[2:12])
    else:
        raise ValidationError(
            _("Enter a Swedish (SE…) or Finnish (FI…) VAT number."), code="country"
        )


def vat_for_y_tunnus(y_tunnus: str) -> str:
    return "FI" + normalize_y_tunnus(y_tunnus).replace("-", "")


def vat_for_org_number(org_number: str) -> str:
    return "SE" + normalize_org_number(org_number).replace("-", "") + "01"
