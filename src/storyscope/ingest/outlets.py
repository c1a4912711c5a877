"""The user's outlet table: outlet names, their domains and leanings.

CSV with a header ``outlet,domains,leaning``; ``domains`` may list several domains
separated by ``;``, ``,`` or spaces. Any name or domain in the table maps to the
table's outlet name, so "calderledger.example" and "Calder Ledger" become one outlet.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from storyscope.errors import Errors, StoryscopeError


def domain_of(url: str) -> str | None:
    """Lower-cased host of ``url`` without a leading ``www.``."""
    host = urlsplit(url if "//" in url else f"//{url}").hostname
    if not host:
        return None
    return host.removeprefix("www.")


def _name_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).removeprefix("the ").strip()


@dataclass(frozen=True)
class Outlet:
    name: str
    leaning: str | None
    domains: tuple[str, ...]


@dataclass
class OutletTable:
    """Lookup of outlets by name (case and punctuation insensitive) or URL domain."""

    outlets: list[Outlet] = field(default_factory=list)
    _by_name: dict[str, Outlet] = field(default_factory=dict, repr=False)
    _by_domain: dict[str, Outlet] = field(default_factory=dict, repr=False)

    def add(self, outlet: Outlet) -> None:
        self.outlets.append(outlet)
        self._by_name[_name_key(outlet.name)] = outlet
        for domain in outlet.domains:
            self._by_domain[domain] = outlet

    def by_name(self, name: str) -> Outlet | None:
        return self._by_name.get(_name_key(name))

    def by_url(self, url: str) -> Outlet | None:
        domain = domain_of(url)
        while domain:
            if domain in self._by_domain:
                return self._by_domain[domain]
            # news.example.com -> example.com
            _, _, domain = domain.partition(".")
            if "." not in domain:
                return None
        return None

    def resolve(self, name: str | None, url: str | None) -> Outlet | None:
        """The table's outlet for a metadata name or a URL, name first."""
        found = self.by_name(name) if name else None
        if found is None and url:
            found = self.by_url(url)
        return found

    @classmethod
    def from_csv(cls, path: str | Path) -> OutletTable:
        """Read the table; a malformed table is a user error, reported in one line."""
        table = cls()
        try:
            with open(path, newline="", encoding="utf-8") as handle:
                reader = csv.DictReader(handle)
                fields = {f.strip().lower() for f in reader.fieldnames or []}
                if "outlet" not in fields:
                    raise StoryscopeError(
                        f"{path}: " + Errors.E017.format(detail="needs a header with 'outlet' (and 'domains', 'leaning')")
                    )
                for row in reader:
                    row = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
                    if not row.get("outlet"):
                        continue
                    domains = tuple(
                        d.lower().removeprefix("www.") for d in re.split(r"[;,\s]+", row.get("domains", "")) if d
                    )
                    table.add(Outlet(row["outlet"], row.get("leaning") or None, domains))
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            raise StoryscopeError(f"{path}: " + Errors.E017.format(detail=str(exc))) from exc
        return table
