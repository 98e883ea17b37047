"""Build the world map geometry that the site draws as an inline SVG.

The input is world-atlas's countries-110m.json (Natural Earth 1:110m admin-0 countries,
public domain). The output is a small JSON file of one SVG path per country, already
projected, so that pages need no tile server, no CDN and nothing fetched at run time.
"""

import json
import math
from itertools import pairwise
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django_countries import countries

DEFAULT_OUTPUT = Path(__file__).resolve().parents[2] / "geodata" / "world.json"

# Width of the SVG viewBox; the height follows from the projection and the land drawn.
WIDTH = 1000
# Room left around the land so that strokes at the edges are not clipped.
MARGIN = 2

# Equal Earth (Šavrič, Patterson & Jenny 2018).
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
# Half the width of the projected world, reached at longitude 180° on the equator.
HALF_WIDTH = 2 * math.sqrt(3) * math.pi / (3 * A1)

ANTARCTICA = "010"
# Natural Earth draws these without an ISO numeric code; Kosovo has a user-assigned alpha-2.
CODES_BY_NAME = {"Kosovo": "XK"}


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    """Project a longitude and latitude in degrees to Equal Earth units, north up."""
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(math.sqrt(3) / 2 * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    t8 = t6 * t2
    slope = 9 * A4 * t8 + 7 * A3 * t6 + 3 * A2 * t2 + A1
    x = 2 * math.sqrt(3) * lam * math.cos(theta) / (3 * slope)
    y = theta * (A4 * t8 + A3 * t6 + A2 * t2 + A1)
    return x, y


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Return every arc of a quantized topology as a list of longitudes and latitudes."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        # Quantized arcs store each position as an offset from the previous one.
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(indexes: list[int], arcs: list) -> list[tuple[float, float]]:
    """Join the arcs of one ring, in order, into a single list of points."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        # A negative index ~i means arc i walked backwards.
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        # Each arc starts where the previous one ended; keep that shared point once.
        points.extend(arc[1:] if points else arc)
    return points


def split_at_antimeridian(ring: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """Cut a closed ring that crosses longitude 180° into pieces that each keep to one side.

    world-atlas joins the halves of Russia and Fiji across 180°, so projecting them as they
    are would draw lines across the whole map. Each piece starts and ends on the antimeridian,
    and the path's closing segment runs along it.
    """
    jumps = [i for i, (a, b) in enumerate(pairwise(ring), 1) if abs(b[0] - a[0]) > 180]
    if not jumps:
        return [ring]
    if len(jumps) % 2:
        raise CommandError("A ring goes round a pole, which this map cannot draw.")

    # Start the walk just after a crossing, so that every piece is cut at both ends.
    open_ring = ring[:-1] if ring[0] == ring[-1] else ring
    start = jumps[0] % len(open_ring)
    walk = open_ring[start:] + open_ring[:start] + [open_ring[start]]

    pieces, piece = [], []
    for (lon0, lat0), (lon1, lat1) in pairwise(walk):
        if abs(lon1 - lon0) > 180:
            edge = 180.0 if lon0 > 0 else -180.0
            # Interpolate the crossing the short way round, past 180° rather than across 0°.
            far = lon1 + 360 if lon0 > 0 else lon1 - 360
            lat = lat0 if far == lon0 else lat0 + (lat1 - lat0) * (edge - lon0) / (far - lon0)
            pieces.append(piece + [(edge, lat)])
            piece = [(-edge, lat)]
        piece.append((lon1, lat1))
    # The walk ends where it began, so the piece still open is the head of the first one.
    pieces[0] = piece + pieces[0]
    return pieces


def polygons_of(geometry: dict) -> list[list[list[int]]]:
    """Return the polygons of a Polygon or MultiPolygon geometry as lists of arc rings."""
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    raise CommandError(f"Unexpected geometry type {geometry['type']!r}.")


def code_for(geometry: dict) -> str:
    """Return the ISO 3166-1 alpha-2 code of a feature, or "" if it has none."""
    if "id" in geometry:
        return countries.alpha2(geometry["id"])
    return CODES_BY_NAME.get(geometry["properties"]["name"], "")


def tenths(value: int) -> str:
    """Format a whole number of tenths of a unit, as "12.3", "-0.4" or "7"."""
    whole, tenth = divmod(abs(value), 10)
    sign = "-" if value < 0 else ""
    return f"{sign}{whole}.{tenth}" if tenth else f"{sign}{whole}"


def path_data(rings: list[list[tuple[int, int]]]) -> str:
    """Write rings of points, in tenths of a unit, as one SVG path.

    Each ring starts with an absolute move and goes on with relative lines, which makes the
    file about 30% smaller than absolute coordinates without letting rounding drift.
    """
    parts = []
    for ring in rings:
        x0, y0 = ring[0]
        steps = " ".join(
            f"{tenths(x - px)} {tenths(y - py)}" for (px, py), (x, y) in pairwise(ring)
        )
        parts.append(f"M{tenths(x0)} {tenths(y0)}l{steps}z")
    return "".join(parts)


def simplified(ring: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop points that round onto the previous one, and the closing point that z redraws."""
    points = [point for i, point in enumerate(ring) if i == 0 or point != ring[i - 1]]
    if len(points) > 1 and points[-1] == points[0]:
        points.pop()
    return points


class Command(BaseCommand):
    help = "Build compendium/geodata/world.json, the world map, from world-atlas's TopoJSON."

    def add_arguments(self, parser):
        parser.add_argument(
            "--topojson", type=Path, required=True, help="countries-110m.json from world-atlas"
        )
        parser.add_argument(
            "--output", type=Path, default=DEFAULT_OUTPUT, help=f"default: {DEFAULT_OUTPUT}"
        )

    def handle(self, *args, **options):
        source = options["topojson"]
        topology = json.loads(source.read_text())
        arcs = decode_arcs(topology)

        features = []
        for geometry in topology["objects"]["countries"]["geometries"]:
            if geometry.get("id") == ANTARCTICA:
                continue  # No diaspora to show there, and it would be a large share of the bytes.
            rings = [
                [equal_earth(lon, lat) for lon, lat in piece]
                for polygon in polygons_of(geometry)
                for ring in polygon
                for piece in split_at_antimeridian(ring_points(ring, arcs))
            ]
            features.append((geometry, rings))

        # Crop the height to the land drawn rather than to the poles, which hold nothing now.
        scale = WIDTH / (2 * HALF_WIDTH)
        ys = [y for _geometry, rings in features for ring in rings for _x, y in ring]
        top, bottom = max(ys) * scale + MARGIN, min(ys) * scale - MARGIN
        height = math.ceil(top - bottom)

        def to_tenths(x: float, y: float) -> tuple[int, int]:
            return round((WIDTH / 2 + x * scale) * 10), round((top - y * scale) * 10)

        shapes = []
        for geometry, rings in features:
            svg_rings = [simplified([to_tenths(x, y) for x, y in ring]) for ring in rings]
            # A ring with under three distinct points rounds to nothing visible.
            svg_rings = [ring for ring in svg_rings if len(ring) >= 3]
            shapes.append(
                {
                    "code": code_for(geometry),
                    "name": geometry["properties"]["name"],
                    "d": path_data(svg_rings),
                }
            )
        shapes.sort(key=lambda shape: shape["name"])

        version = self.world_atlas_version(source)
        world = {
            "source": f"Natural Earth 1:110m admin-0 countries via world-atlas {version}, "
            "public domain",
            "projection": "Equal Earth",
            "viewBox": f"0 0 {WIDTH} {height}",
            "countries": shapes,
        }
        output = options["output"]
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(json.dumps(world, ensure_ascii=False, separators=(",", ":")) + "\n")

        uncoded = ", ".join(shape["name"] for shape in shapes if not shape["code"]) or "none"
        self.stdout.write(
            f"Wrote {len(shapes)} countries, {output.stat().st_size:,} bytes, to {output}. "
            f"Without a code: {uncoded}."
        )

    def world_atlas_version(self, source: Path) -> str:
        """Read the world-atlas version from the package.json next to the TopoJSON file."""
        package = source.resolve().parent / "package.json"
        if not package.exists():
            raise CommandError(f"Cannot find {package} to name the world-atlas version.")
        return json.loads(package.read_text())["version"]
