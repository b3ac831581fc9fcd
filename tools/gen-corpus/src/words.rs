//! Vocabulary and sentence builders: the words the corpus is made of.
//! Plain business prose of the kind quarterly reviews hold, so Markdown
//! parsing and escaping see realistic text (punctuation, numbers, links).

use crate::rng::Rng;

/// Team names; sections past the end of the list repeat them with a number.
pub const TEAMS: &[&str] = &[
    "Payments",
    "Checkout",
    "Identity",
    "Search",
    "Data Platform",
    "Mobile",
    "Growth",
    "Support Tools",
    "Billing",
    "Infrastructure",
    "Security",
    "Partner API",
    "Storage",
    "Networking",
    "Observability",
    "Release Engineering",
    "Developer Experience",
    "Machine Learning",
    "Recommendations",
    "Ads Quality",
    "Content Moderation",
    "Localization",
    "Accessibility",
    "Design Systems",
    "Web Frontend",
    "Desktop Apps",
    "Notifications",
    "Messaging",
    "Video",
    "Maps",
    "Catalogue",
    "Pricing",
    "Fraud",
    "Risk",
    "Compliance",
    "Privacy",
    "Finance Systems",
    "People Systems",
    "IT Operations",
    "Corporate Security",
    "Database Reliability",
    "Edge",
    "Build Systems",
    "Test Infrastructure",
    "Data Science",
    "Analytics",
    "Experimentation",
    "Onboarding",
    "Marketplace",
    "Logistics",
    "Warehouse Systems",
    "Customer Data",
    "Research",
    "Documentation",
    "Community",
    "Enterprise",
    "Public Sector",
    "Education",
    "Health",
    "Travel",
];

pub const FIRST_NAMES: &[&str] = &[
    "Ada", "Alan", "Amara", "Ana", "Anders", "Aiko", "Bea", "Bo", "Camille", "Carlos", "Chen",
    "Chiara", "Dana", "Dita", "Dmitri", "Elena", "Emeka", "Erik", "Esther", "Fatima", "Farah",
    "Felix", "Grace", "Hana", "Hugo", "Ines", "Ivan", "Jamal", "Jana", "Joao", "Kai", "Karin",
    "Kofi", "Lars", "Leila", "Lena", "Liam", "Lucia", "Mai", "Marek", "Maya", "Mei", "Nadia",
    "Nils", "Noor", "Olga", "Omar", "Pablo", "Priya", "Quinn", "Rafael", "Rania", "Rosa", "Sami",
    "Sara", "Sven", "Tariq", "Tess", "Uma", "Victor", "Wen", "Yara", "Yusuf", "Zoe",
];

pub const LAST_NAMES: &[&str] = &[
    "Abara",
    "Bakker",
    "Bianchi",
    "Castro",
    "Dahl",
    "Diallo",
    "Eriksen",
    "Fischer",
    "Fontaine",
    "Garcia",
    "Haddad",
    "Hansen",
    "Ibrahim",
    "Ito",
    "Jansen",
    "Kaur",
    "Kim",
    "Kowalski",
    "Larsen",
    "Lopez",
    "Mbeki",
    "Moreau",
    "Murphy",
    "Nakamura",
    "Novak",
    "Okafor",
    "Olsen",
    "Park",
    "Petrov",
    "Quispe",
    "Rahman",
    "Rossi",
    "Sato",
    "Schmidt",
    "Silva",
    "Singh",
    "Sousa",
    "Tanaka",
    "Torres",
    "Ueda",
    "Vargas",
    "Varga",
    "Weber",
    "Wong",
    "Yilmaz",
    "Yamamoto",
    "Zhang",
    "Zeller",
    "Achebe",
    "Borg",
    "Costa",
    "Dubois",
    "Eze",
    "Figueroa",
    "Gruber",
    "Horvat",
    "Iqbal",
    "Jovanovic",
    "Keller",
    "Lindqvist",
    "Mendes",
    "Nguyen",
    "Ortiz",
    "Pereira",
];

pub const VERBS: &[&str] = &[
    "shipped",
    "rolled out",
    "migrated",
    "stabilised",
    "retired",
    "piloted",
    "hardened",
    "scaled",
    "simplified",
    "automated",
    "documented",
    "rebuilt",
];

pub const THINGS: &[&str] = &[
    "the new onboarding flow",
    "regional failover",
    "the scoring model",
    "self-serve refunds",
    "the event pipeline",
    "single sign-on for business accounts",
    "usage-based invoicing",
    "the public status page",
    "offline mode",
    "the partner sandbox",
    "query suggestions",
    "the deployment pipeline",
    "the on-call handbook",
    "the capacity model",
    "the data retention jobs",
    "the design tokens",
    "the mobile release train",
    "the audit log",
    "the cost dashboard",
    "the incident review process",
];

pub const OUTCOMES: &[&str] = &[
    "fewer incidents",
    "faster builds",
    "lower cost per request",
    "higher conversion",
    "shorter review times",
    "fewer support tickets",
    "faster page loads",
    "better test coverage",
];

pub const RISKS: &[&str] = &[
    "hiring for the on-call rotation is behind plan",
    "a vendor contract renews at a higher rate",
    "the legacy system still handles a fifth of traffic",
    "flaky tests slow the release train",
    "two regulators changed their reporting deadlines",
    "capacity headroom is thin before the seasonal peak",
    "a key dependency is pinned to an unsupported version",
    "data retention rules differ by market",
    "the team lost two engineers to other projects",
    "the migration depends on another team's roadmap",
];

pub const FILLER: &[&str] = &[
    "The team kept scope tight and measured every change against the baseline agreed at the start of the quarter",
    "Where numbers moved, we checked them against support volume and finance reports before calling the result",
    "Decisions that needed more evidence were parked with an owner and a date, so nothing stalled the roadmap",
    "Partners were briefed early, which kept surprises out of the launch week",
    "We wrote down what we learnt after each release and shared it with the teams that depend on us",
    "Most of the work this quarter was unglamorous, and most of the gains came from it",
    "The numbers below are from the last full week of the quarter, before the holiday change freeze",
    "We stopped two projects that no longer paid for themselves and moved their people to the top priority",
    "Support volume fell after the release, which is the clearest signal we have that the change helped",
    "The plan for next quarter keeps the same goals and adds one experiment with a clear stopping rule",
];

pub const PLANS: &[&str] = &[
    "Roll out", "Scale", "Harden", "Launch", "Retire", "Expand", "Measure",
];

pub const REGIONS: &[&str] = &[
    "all markets",
    "Europe",
    "two pilot regions",
    "North America",
    "Asia Pacific",
];

/// KPI templates: name, unit, direction, typical range, decimals.
pub struct KpiKind {
    pub slug: &'static str,
    pub name: &'static str,
    pub unit: &'static str,
    pub lower_is_better: bool,
    pub lo: f64,
    pub hi: f64,
    pub decimals: usize,
}

pub const KPIS: &[KpiKind] = &[
    KpiKind {
        slug: "availability",
        name: "Availability",
        unit: "%",
        lower_is_better: false,
        lo: 99.5,
        hi: 99.999,
        decimals: 3,
    },
    KpiKind {
        slug: "p95-latency",
        name: "p95 latency",
        unit: "ms",
        lower_is_better: true,
        lo: 120.0,
        hi: 900.0,
        decimals: 0,
    },
    KpiKind {
        slug: "active-customers",
        name: "Active customers",
        unit: "k",
        lower_is_better: false,
        lo: 40.0,
        hi: 400.0,
        decimals: 1,
    },
    KpiKind {
        slug: "revenue",
        name: "Revenue",
        unit: "M$",
        lower_is_better: false,
        lo: 3.0,
        hi: 9.0,
        decimals: 2,
    },
    KpiKind {
        slug: "nps",
        name: "Net promoter score",
        unit: "",
        lower_is_better: false,
        lo: 10.0,
        hi: 60.0,
        decimals: 0,
    },
    KpiKind {
        slug: "conversion",
        name: "Conversion",
        unit: "%",
        lower_is_better: false,
        lo: 1.5,
        hi: 6.5,
        decimals: 2,
    },
    KpiKind {
        slug: "tickets",
        name: "Tickets per 1k users",
        unit: "tickets",
        lower_is_better: true,
        lo: 2.0,
        hi: 30.0,
        decimals: 1,
    },
    KpiKind {
        slug: "deploys",
        name: "Deploys per week",
        unit: "deploys",
        lower_is_better: false,
        lo: 5.0,
        hi: 80.0,
        decimals: 0,
    },
    KpiKind {
        slug: "cost-per-request",
        name: "Cost per request",
        unit: "µ$",
        lower_is_better: true,
        lo: 4.0,
        hi: 40.0,
        decimals: 1,
    },
    KpiKind {
        slug: "review-time",
        name: "Code review time",
        unit: "days",
        lower_is_better: true,
        lo: 1.0,
        hi: 20.0,
        decimals: 1,
    },
];

/// Key-result templates: wording, unit, whether lower is better.
pub const KEY_RESULTS: &[(&str, &str, bool)] = &[
    ("Grow weekly active users of {thing}", "users", false),
    ("Cut p95 latency of {thing}", "ms", true),
    ("Raise test coverage of {thing}", "%", false),
    ("Reduce support tickets about {thing}", "tickets", true),
    ("Move traffic onto {thing}", "%", false),
    ("Cut the monthly cost of {thing}", "k$", true),
    ("Onboard partner teams to {thing}", "teams", false),
    ("Reduce manual steps in {thing}", "steps", true),
];

pub const OBJECTIVE_TITLES: &[&str] = &[
    "Make {thing} the default",
    "Pay down the debt in {thing}",
    "Prove the value of {thing}",
    "Make {thing} reliable enough to forget",
    "Open {thing} to partners",
    "Halve the cost of {thing}",
];

pub const CATEGORIES: &[&str] = &["focus", "strengthen", "experiment"];

pub const WORKFLOW_CATEGORIES: &[&str] = &[
    "Data requests",
    "Incident response",
    "Access requests",
    "Vendor reviews",
    "Release support",
];

/// `n` sentences of filler prose, joined.
pub fn filler(rng: &mut Rng, n: usize) -> String {
    let mut out = String::new();
    for s in rng.sample(FILLER, n) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(s);
        out.push('.');
    }
    out
}

/// One sentence about what a team did.
pub fn achievement(rng: &mut Rng, team: &str) -> String {
    format!(
        "{team} {} {} and {} {}, with {}% {}.",
        rng.pick(VERBS),
        rng.pick(THINGS),
        rng.pick(VERBS),
        rng.pick(THINGS),
        rng.range(5, 40),
        rng.pick(OUTCOMES)
    )
}

/// `template` with `{thing}` filled in.
pub fn fill(template: &str, rng: &mut Rng) -> String {
    template.replace("{thing}", rng.pick(THINGS))
}

/// A URL-safe slug of a team name: `Data Platform` → `data-platform`.
pub fn slug(text: &str) -> String {
    quarterdeck::model::slug::slugify(text)
}

/// Capitalise the first letter.
pub fn capital(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A number with `decimals` decimals and thousands separators: `12,345.6`.
pub fn grouped(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let (int, frac) = text
        .split_once('.')
        .map_or((text.as_str(), ""), |(i, f)| (i, f));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    if value < 0.0 && out.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_numbers() {
        assert_eq!(slug("Data Platform"), "data-platform");
        assert_eq!(slug("Partner API 2"), "partner-api-2");
        assert_eq!(grouped(12345.678, 1), "12,345.7");
        assert_eq!(grouped(999.0, 0), "999");
        assert_eq!(grouped(-1234.0, 0), "-1,234");
        assert_eq!(capital("hello"), "Hello");
    }

    #[test]
    fn team_slugs_are_unique() {
        let mut slugs: Vec<String> = TEAMS.iter().map(|t| slug(t)).collect();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), TEAMS.len());
    }
}
