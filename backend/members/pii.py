"""Masking contact details: staff see enough to recognise a member, not to contact them."""

from __future__ import annotations


def mask_email(email: str | None) -> str | None:
    if not email:
        return email
    local, _, domain = email.partition("@")
    return f"{local[:1]}***@{domain}" if domain else "***"


def mask_phone(phone: str | None) -> str | None:
    if not phone:
        return phone
    digits = [c for c in phone if c.isdigit()]
    return "***-****-" + "".join(digits[-4:]) if len(digits) >= 4 else "***"


def mask_address(address: str | None) -> str | None:
    if not address:
        return address
    return address.split(" ")[0][:8] + " ***"
