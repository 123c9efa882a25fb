"""Who helps a municipality: its two hubs, then the internal pool, then external experts."""

from dataclasses import dataclass

from projectz.content import Content
from projectz.geography.coverage import HubRef
from projectz.geography.regions import Municipality, Province
from projectz.people.trainers import Trainer


@dataclass(frozen=True)
class HubView:
    """A helping hub as a reader sees it: where it is, how far, and whom to write to."""

    municipality: Municipality
    province: Province
    distance_km: float
    in_own_province: bool
    mailbox: str | None


def hub_views(content: Content, municipality: Municipality) -> list[HubView]:
    return [_hub_view(content, ref) for ref in content.coverage.assignment(municipality.code).hubs]


def _hub_view(content: Content, ref: HubRef) -> HubView:
    hub_municipality = content.geography.municipality(ref.municipality_code)
    hub = content.hub(ref.municipality_code)
    return HubView(hub_municipality, content.geography.province(hub_municipality.province_code), ref.distance_km,
                   ref.in_own_province, hub.mailbox if hub else None)


@dataclass(frozen=True)
class RouteStep:
    """One step of the escalation route: a circle, the hub that leads it (if any) and its trainers."""

    circle: str
    hub: HubView | None
    trainers: tuple[Trainer, ...]


def help_route(content: Content, hubs: list[HubView]) -> tuple[RouteStep, ...]:
    """After the municipality's two hubs (own province first, then the wider network): internal
    volunteers, then external experts."""
    steps = [RouteStep("netwerk", hub, content.trainers_in(frozenset({hub.municipality.code}))) for hub in hubs]
    steps += [RouteStep(circle, None, content.trainers_in_circle(circle)) for circle in ("intern", "extern")]
    return tuple(steps)
