"""The "company" dataset: eight CSV tables whose keys and foreign keys are known.

Tests of key and relationship discovery run on it: nothing in the files declares a constraint,
so a detector has to find the keys, foreign keys and join paths from the values alone, and
``write_company`` returns the truth to compare with. Everything comes from one seeded
``random.Random``, so the same seed writes the same bytes. The tables are drawn in a fixed
order; changing how one is drawn changes the ones drawn after it.

The planted facts (for any seed):

- Keys: ``departments.dept_code``, ``employees.emp_no``, ``employee_private.employee_number``,
  ``projects.project_id``, ``assignments (employee_id, project)``,
  ``timesheets (emp, proj, week_start)``, ``badge_swipes.swipe_id``, ``offices.office_code``.
  ``ALTERNATE_KEYS`` lists the other unique columns: ``departments.dept_name``,
  ``employees.email``, ``projects.project_name``, ``offices.city``.
- Foreign keys, under names that mostly do not match their parent's: see ``_FOREIGN_KEYS``.
  ``employees.reports_to`` is a hierarchy without cycles, empty for the ``TOP_MANAGERS``;
  ``employee_private`` is a 1:1 split of ``employees`` missing the newest hires;
  ``assignments`` is the n:m bridge between employees and projects; ``timesheets`` points at
  it through the pair (``emp``, ``proj``). Only ``badge_swipes.badge_holder`` has orphans:
  contractor badges from ``CONTRACTOR_BADGES`` that exist in no table.
- False friends, which are not in the truth: small dense integers that overlap by chance
  (``projects.project_id`` 1..40, ``badge_swipes.swipe_id`` 1..N, which also spans the employee
  numbers, ``departments.floor``, ``offices.headcount``); the country code list shared by
  ``employee_private.home_country`` and ``offices.country``, unique in neither table.
- No column or combination passes for a key by chance: every date, person name, salary and
  budget column repeats somewhere, and in ``assignments`` and ``timesheets`` every
  combination of columns that lacks part of the key has a duplicate.
"""

from __future__ import annotations

import csv
import random
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

DEPARTMENT_COUNT = 12
EMPLOYEE_COUNT = 300
FIRST_EMP_NO = 1001
TOP_MANAGERS = 4
MIDDLE_MANAGERS = 20
TEAM_LEADS = 56
PRIVATE_RECORDS = 280
PROJECT_COUNT = 40
OFFICE_COUNT = 15
SWIPE_COUNT = 3000
TIMESHEET_WEEKS = 26
FIRST_WEEK = date(2024, 1, 1)  # a Monday
CONTRACTOR_BADGES = range(5001, 5061)
ACTIVE_CONTRACTORS = 52
TAILGATES = 30

TABLES = (
    "departments",
    "employees",
    "employee_private",
    "projects",
    "assignments",
    "timesheets",
    "badge_swipes",
    "offices",
)

# fmt: off
COLUMNS: dict[str, tuple[str, ...]] = {
    "departments": ("dept_code", "dept_name", "budget", "floor"),
    "employees": ("emp_no", "full_name", "email", "hired_on", "dept", "reports_to", "salary"),
    "employee_private": ("employee_number", "ssn_last4", "birth_date", "home_country"),
    "projects": ("project_id", "project_name", "lead_emp", "started", "budget_eur"),
    "assignments": ("employee_id", "project", "role", "allocation"),
    "timesheets": ("emp", "proj", "week_start", "hours"),
    "badge_swipes": ("swipe_id", "badge_holder", "door", "swiped_at"),
    "offices": ("office_code", "city", "country", "opened", "headcount"),
}

# Unique columns that are not the grain; no other single column is unique.
ALTERNATE_KEYS: dict[str, tuple[str, ...]] = {
    "departments": ("dept_name",),
    "employees": ("email",),
    "projects": ("project_name",),
    "offices": ("city",),
}

_KEYS: dict[str, tuple[str, ...]] = {
    "departments": ("dept_code",),
    "employees": ("emp_no",),
    "employee_private": ("employee_number",),
    "projects": ("project_id",),
    "assignments": ("employee_id", "project"),
    "timesheets": ("emp", "proj", "week_start"),
    "badge_swipes": ("swipe_id",),
    "offices": ("office_code",),
}

# (child table, child columns, parent table, parent columns, cardinality)
_FOREIGN_KEYS: tuple[tuple[str, tuple[str, ...], str, tuple[str, ...], str], ...] = (
    ("employees", ("dept",), "departments", ("dept_code",), "n:1"),
    ("employees", ("reports_to",), "employees", ("emp_no",), "n:1"),
    ("employee_private", ("employee_number",), "employees", ("emp_no",), "1:1"),
    ("projects", ("lead_emp",), "employees", ("emp_no",), "n:1"),
    ("assignments", ("employee_id",), "employees", ("emp_no",), "n:1"),
    ("assignments", ("project",), "projects", ("project_id",), "n:1"),
    ("timesheets", ("emp", "proj"), "assignments", ("employee_id", "project"), "n:1"),
    ("timesheets", ("emp",), "employees", ("emp_no",), "n:1"),
    ("timesheets", ("proj",), "projects", ("project_id",), "n:1"),
    ("badge_swipes", ("badge_holder",), "employees", ("emp_no",), "n:1"),
)

_DEPARTMENTS = (
    "Finance", "Human Resources", "Legal", "Marketing", "Sales", "Engineering", "Research",
    "Operations", "Customer Support", "Procurement", "IT Services", "Facilities",
)
_FIRST = (
    "Anna", "Ben", "Carla", "David", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kira",
    "Luis", "Maria", "Nils", "Olga", "Pavel", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wim",
    "Yusuf", "Zoe",
)
_LAST = (
    "Adams", "Berg", "Costa", "Dijkstra", "Evans", "Fischer", "Garcia", "Hansen", "Ivanova",
    "Jansen", "Kowalski", "Larsen", "Meyer", "Novak", "Olsen", "Petit", "Quinn", "Rossi",
    "Schmidt", "Torres", "Urban", "Vogel", "Walsh", "Young",
)
_CODENAME_ADJECTIVES = (
    "Amber", "Blue", "Crimson", "Silent", "Golden", "Iron", "Swift", "Quiet", "Bright", "Polar",
)
_CODENAME_NOUNS = (
    "Falcon", "Harbor", "Ledger", "Compass", "Beacon", "Orchard", "Summit", "Lantern", "Anchor",
    "Meadow",
)
_COUNTRIES = ("US", "DE", "FR", "NL", "ES", "GB", "PL", "IE")
_CITIES = (
    ("New York", "US"), ("Austin", "US"), ("Seattle", "US"), ("Berlin", "DE"), ("Munich", "DE"),
    ("Paris", "FR"), ("Lyon", "FR"), ("Amsterdam", "NL"), ("Madrid", "ES"), ("Barcelona", "ES"),
    ("London", "GB"), ("Manchester", "GB"), ("Warsaw", "PL"), ("Krakow", "PL"), ("Dublin", "IE"),
)
# fmt: on
_ROLES = ("developer", "analyst", "designer", "reviewer")
_ROLE_WEIGHTS = (45, 25, 15, 15)
_ALLOCATIONS = ("10%", "20%", "25%", "50%", "75%", "100%")
_ALLOCATION_WEIGHTS = (10, 20, 20, 30, 10, 10)
_DOORS = ("N1", "N2", "S1", "S2", "E1", "W1")


@dataclass(frozen=True)
class ForeignKey:
    """A true foreign key; ``cardinality`` is seen from the child ("n:1" or "1:1")."""

    child_table: str
    child_columns: tuple[str, ...]
    parent_table: str
    parent_columns: tuple[str, ...]
    cardinality: str
    # Share of the child's distinct non-null values (tuples) found in the parent, as written.
    integrity: float


@dataclass(frozen=True)
class CompanyTruth:
    """What a detector should find in the company dataset."""

    keys: dict[str, tuple[str, ...]]
    foreign_keys: tuple[ForeignKey, ...]
    bridges: dict[str, tuple[str, str]]


@dataclass
class _Employee:
    emp_no: int
    full_name: str
    email: str
    hired_on: date
    dept: str
    salary: int
    reports_to: int | None = None


_Rows = list[list[str]]


def write_company(directory: Path, *, seed: int = 11) -> CompanyTruth:
    """Write the company dataset into ``directory`` (one CSV per table) and return its truth.

    The same seed writes byte-identical files. Table names are the file stems.
    """
    rng = random.Random(seed)
    tables: dict[str, _Rows] = {}
    tables["departments"] = _departments(rng)
    employees, managers = _draw_employees(rng)
    tables["employees"] = _employee_rows(employees)
    tables["employee_private"] = _private_rows(rng, employees)
    tables["projects"] = projects = _project_rows(rng, managers)
    tables["assignments"] = assignments = _assignment_rows(rng, employees, projects)
    tables["timesheets"] = _timesheet_rows(rng, assignments)
    tables["badge_swipes"] = _swipe_rows(rng, employees)
    tables["offices"] = _office_rows(rng)

    directory.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        with (directory / f"{table}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(COLUMNS[table])
            writer.writerows(tables[table])

    foreign_keys = tuple(
        ForeignKey(*fk, integrity=_integrity(tables, *fk[:4])) for fk in _FOREIGN_KEYS
    )
    return CompanyTruth(
        keys=dict(_KEYS),
        foreign_keys=foreign_keys,
        bridges={"assignments": ("employees", "projects")},
    )


def _values(tables: dict[str, _Rows], table: str, columns: tuple[str, ...]) -> set[tuple[str, ...]]:
    """The distinct tuples of ``columns`` in which no value is empty (null)."""
    positions = [COLUMNS[table].index(c) for c in columns]
    tuples = (tuple(row[p] for p in positions) for row in tables[table])
    return {t for t in tuples if all(t)}


def _integrity(
    tables: dict[str, _Rows],
    child: str,
    child_columns: tuple[str, ...],
    parent: str,
    parent_columns: tuple[str, ...],
) -> float:
    found = _values(tables, child, child_columns)
    return len(found & _values(tables, parent, parent_columns)) / len(found)


def _repeat_value(rng: random.Random, rows: _Rows, column: int) -> None:
    """Copy one row's value into another row, so that the column cannot be unique by chance."""
    source, target = rng.sample(rows, 2)
    target[column] = source[column]


def _day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randrange((last - first).days + 1))


def _departments(rng: random.Random) -> _Rows:
    rows: _Rows = []
    for number, name in enumerate(_DEPARTMENTS, start=1):
        # Eleven possible budgets for twelve departments: at least two are equal.
        budget = 250_000 * rng.randint(2, 12)
        rows.append([f"D{number:02d}", name, f"${budget:,.2f}", str(rng.randint(1, 6))])
    return rows


def _draw_employees(rng: random.Random) -> tuple[list[_Employee], list[_Employee]]:
    """Employees numbered in hiring order, and the managers (top, middle and team leads)."""
    hired = sorted(_day(rng, date(2008, 1, 1), date(2023, 12, 31)) for _ in range(EMPLOYEE_COUNT))
    hired[1] = hired[0]  # the first two started on the same day, so hired_on is not unique
    # Every department gets someone; the rest are spread at random.
    depts = [f"D{n:02d}" for n in range(1, DEPARTMENT_COUNT + 1)]
    depts += rng.choices(depts, k=EMPLOYEE_COUNT - DEPARTMENT_COUNT)
    rng.shuffle(depts)
    emails: set[str] = set()
    employees: list[_Employee] = []
    for offset, (hired_on, dept) in enumerate(zip(hired, depts, strict=True)):
        first, last = rng.choice(_FIRST), rng.choice(_LAST)
        local, n = f"{first}.{last}".lower(), 1
        while local in emails:  # namesakes get a number
            n += 1
            local = f"{first}.{last}{n}".lower()
        emails.add(local)
        employees.append(
            _Employee(
                emp_no=FIRST_EMP_NO + offset,
                full_name=f"{first} {last}",
                email=f"{local}@company.example",
                hired_on=hired_on,
                dept=dept,
                # Rounded to 500, so salaries repeat (245 values for 300 people).
                salary=500 * rng.randint(76, 320),
            )
        )
    # Each level reports to someone drawn from the level above, so the chain always ends at
    # one of the top managers and can never loop back.
    ranked = rng.sample(employees, len(employees))
    top = ranked[:TOP_MANAGERS]
    middle = ranked[TOP_MANAGERS : TOP_MANAGERS + MIDDLE_MANAGERS]
    leads = ranked[TOP_MANAGERS + MIDDLE_MANAGERS : TOP_MANAGERS + MIDDLE_MANAGERS + TEAM_LEADS]
    staff = ranked[TOP_MANAGERS + MIDDLE_MANAGERS + TEAM_LEADS :]
    for level, above in ((middle, top), (leads, middle), (staff, leads)):
        for employee in level:
            employee.reports_to = rng.choice(above).emp_no
    return employees, ranked[: TOP_MANAGERS + MIDDLE_MANAGERS + TEAM_LEADS]


def _employee_rows(employees: list[_Employee]) -> _Rows:
    # Exported department by department, so emp_no is not in file order.
    ordered = sorted(employees, key=lambda e: (e.dept, e.emp_no))
    return [
        [
            str(e.emp_no),
            e.full_name,
            e.email,
            e.hired_on.isoformat(),
            e.dept,
            "" if e.reports_to is None else str(e.reports_to),
            str(e.salary),
        ]
        for e in ordered
    ]


def _private_rows(rng: random.Random, employees: list[_Employee]) -> _Rows:
    # The newest hires' paperwork is not in yet.
    rows = [
        [
            str(e.emp_no),
            f"{rng.randrange(10_000):04d}",
            _day(rng, date(1960, 1, 1), date(2001, 12, 31)).isoformat(),
            rng.choice(_COUNTRIES),
        ]
        for e in employees[:PRIVATE_RECORDS]
    ]
    # Two people share their last four digits (so they are not unique), and the shared code
    # has leading zeros that a reader must keep.
    first, second = rng.sample(rows, 2)
    first[1] = second[1] = "0042"
    _repeat_value(rng, rows, 2)
    rng.shuffle(rows)
    return rows


def _project_rows(rng: random.Random, managers: list[_Employee]) -> _Rows:
    names = rng.sample(
        [f"{a} {n}" for a in _CODENAME_ADJECTIVES for n in _CODENAME_NOUNS], PROJECT_COUNT
    )
    # Drawn from each manager listed twice, so nobody leads more than two; then the last
    # project gets the first one's lead, so lead_emp surely repeats (three projects at most).
    leads = rng.sample(managers * 2, PROJECT_COUNT)
    leads[-1] = leads[0]
    rows = [
        [
            str(project_id),
            name,
            str(lead.emp_no),
            _day(rng, date(2022, 1, 3), date(2023, 12, 29)).isoformat(),
            # 39 possible budgets for 40 projects: at least two are equal.
            f"{25_000 * rng.randint(2, 40)}.00",
        ]
        for project_id, (name, lead) in enumerate(zip(names, leads, strict=True), start=1)
    ]
    _repeat_value(rng, rows, 3)
    return rows


def _assignment_rows(rng: random.Random, employees: list[_Employee], projects: _Rows) -> _Rows:
    led: dict[int, list[int]] = {}
    for project in projects:
        led.setdefault(int(project[2]), []).append(int(project[0]))
    all_projects = [int(p[0]) for p in projects]
    rows: _Rows = []
    for e in employees:
        # A project's lead works on it; nobody leads more than three, so 1..4 projects holds.
        own = led.get(e.emp_no, [])
        count = max(len(own), rng.choices((1, 2, 3, 4), (30, 35, 25, 10))[0])
        others = rng.sample([p for p in all_projects if p not in own], count - len(own))
        for project in sorted(own + others):
            role = "lead" if project in own else rng.choices(_ROLES, _ROLE_WEIGHTS)[0]
            allocation = rng.choices(_ALLOCATIONS, _ALLOCATION_WEIGHTS)[0]
            rows.append([str(e.emp_no), str(project), role, allocation])
    # Someone has the same role and allocation on two projects, so neither (employee_id, role)
    # nor (employee_id, allocation) is unique. The other pairs repeat by pigeonhole: 40
    # projects x 5 roles or 6 allocations is fewer than the rows; (project, role, allocation)
    # has more possible values than rows, but with these skewed weights a duplicate among
    # several hundred rows is all but certain.
    per_employee = Counter(r[0] for r in rows if r[2] != "lead")
    emp_no = rng.choice(sorted(e for e, n in per_employee.items() if n >= 2))
    first, second = [r for r in rows if r[0] == emp_no and r[2] != "lead"][:2]
    second[2:] = first[2:]
    return rows


def _timesheet_rows(rng: random.Random, assignments: _Rows) -> _Rows:
    pairs = [(int(r[0]), int(r[1]), int(r[3].rstrip("%"))) for r in assignments]
    # (week number, employee, project) -> hours
    logged: dict[tuple[int, int, int], float] = {}
    for emp, project, percent in pairs:
        if rng.random() < 0.05:
            continue  # not started yet: no hours on it
        length = rng.randint(2, 12)
        start = rng.randrange(TIMESHEET_WEEKS - length + 1)
        for week in range(start, start + length):
            hours = max(0.25, round((0.4 * percent + rng.gauss(0, 2)) * 4) / 4)
            logged[(week, emp, project)] = hours
    # Plant the duplicates that stop any combination other than the key from being unique:
    # in one week A logs the same hours on projects P and Q, and B logs them on P too; A also
    # logs them on P the week after.
    projects_of: dict[int, list[int]] = {}
    members_of: dict[int, list[int]] = {}
    for emp, project, _ in pairs:
        projects_of.setdefault(emp, []).append(project)
        members_of.setdefault(project, []).append(emp)
    a, p = rng.choice(
        [(e, j) for e, j, _ in pairs if len(projects_of[e]) > 1 and len(members_of[j]) > 1]
    )
    q = rng.choice([other for other in projects_of[a] if other != p])
    b = rng.choice([other for other in members_of[p] if other != a])
    week = rng.randrange(TIMESHEET_WEEKS - 1)
    for planted in ((week, a, p), (week, a, q), (week, b, p), (week + 1, a, p)):
        logged[planted] = 8.0
    return [
        [str(emp), str(project), (FIRST_WEEK + timedelta(weeks=week)).isoformat(), f"{hours:.2f}"]
        for (week, emp, project), hours in sorted(logged.items())
    ]


def _swipe_rows(rng: random.Random, employees: list[_Employee]) -> _Rows:
    # Contractors carry badges from their own range, which no table lists; only some of the
    # issued badges are in use.
    contractors = sorted(rng.sample(CONTRACTOR_BADGES, ACTIVE_CONTRACTORS))
    half_year = (FIRST_WEEK + timedelta(days=n) for n in range(182))  # January to June
    workdays = [d for d in half_year if d.weekday() < 5]
    swipes: list[tuple[datetime, str, str]] = []
    for _ in range(SWIPE_COUNT):
        at = datetime.combine(rng.choice(workdays), datetime.min.time())
        at += timedelta(seconds=rng.randrange(7 * 3600, 19 * 3600))
        holder = rng.choice(employees).emp_no if rng.random() < 0.85 else rng.choice(contractors)
        swipes.append((at, str(holder), rng.choice(_DOORS)))
    swipes.sort()
    # People walking in together swipe the same door in the same second, so swiped_at is not
    # unique. Copying the previous swipe's time keeps the file in time order.
    for i in sorted(rng.sample(range(1, SWIPE_COUNT), TAILGATES)):
        at, holder, door = swipes[i - 1]
        if swipes[i][1] != holder:
            swipes[i] = (at, swipes[i][1], door)
    return [
        [str(swipe_id), holder, door, at.isoformat(sep=" ")]
        for swipe_id, (at, holder, door) in enumerate(swipes, start=1)
    ]


def _office_rows(rng: random.Random) -> _Rows:
    cities = rng.sample(_CITIES, OFFICE_COUNT)
    rows = [
        [
            f"OF-{number:02d}",
            city,
            country,
            _day(rng, date(2005, 1, 1), date(2023, 12, 31)).isoformat(),
            str(rng.randint(1, 40)),
        ]
        for number, (city, country) in enumerate(cities, start=1)
    ]
    _repeat_value(rng, rows, 3)
    _repeat_value(rng, rows, 4)
    return rows
