//! `people.yaml`: the one roster of people, from which new hires and work
//! anniversaries are computed for every quarter.

use super::date::Date;
use super::located::Located;
use schemars::JsonSchema;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PeopleFile {
    #[serde(default)]
    pub people: Vec<Person>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: Located<String>,
    /// The team the person is in now.
    pub team: String,
    /// First day at the organisation.
    pub start: Located<Date>,
    /// Last day, for people who have left.
    #[serde(default)]
    pub left: Option<Located<Date>>,
    /// Day the person joined `team` by internal transfer; listed with the
    /// new hires of that quarter, marked as a transfer.
    #[serde(default)]
    pub transferred: Option<Located<Date>>,
    /// Photo, a path inside the content folder.
    #[serde(default)]
    pub photo: Option<Located<String>>,
    /// Alternative text for the photo. Defaults to "Photo of NAME".
    #[serde(default)]
    pub photo_alt: Option<String>,
    /// Leave this person out of new-hire and anniversary slides.
    #[serde(default)]
    pub hidden: bool,
}
