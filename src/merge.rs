//! The three-way merge behind a conflict-aware save: the customer as it was
//! loaded (`base`), as it is stored now (`theirs`) and the edited draft
//! (`mine`), merged field by field, and inside `address`, `shipping` and
//! `shipping.address` sub-field by sub-field.
//!
//! Pure Rust with no I/O: the client's save loads `theirs` (one `GET`),
//! calls [`merge_customer`], and sends [`Merge::patch`] unless there are
//! [`Merge::conflicts`] to refuse. The walk over the fields is generated
//! from the field table ([`checkoutpage_fields::customer_fields!`] and
//! [`checkoutpage_fields::address_fields!`]), like the diff: a field added
//! there is merged without a line here.
//!
//! Every side is compared in [canonical](crate::model::CustomerDraft::canonical)
//! form (as the server stores it, empty meaning absent), so whitespace or
//! case the server removes is never a change, let alone a conflict. For one
//! leaf (a string field, or one line of an address):
//!
//! | mine vs base | theirs vs base | result                     | listed in            |
//! |--------------|----------------|----------------------------|----------------------|
//! | same         | same           | base                       | nothing              |
//! | same         | changed        | theirs (not sent)          | [`Merge::theirs`]    |
//! | changed      | same           | mine (sent)                | [`Merge::mine`]      |
//! | changed      | changed, equal | mine = theirs (not sent)   | [`Merge::both`]      |
//! | changed      | changed, not   | per [`OnConflict`]         | [`Merge::conflicts`] |
//!
//! A draft without an email leaves the email alone (it cannot be cleared),
//! so it never changes nor conflicts on it.
//!
//! The patch is the diff from `theirs` to the merged customer: a field only
//! they changed is not sent, and an `address` or `shipping` with any merged
//! change is sent complete (the API replaces them whole), their lines
//! included.

use serde::{Deserialize, Serialize};

pub use crate::error::Conflict;
use crate::error::{FieldError, Path, ProblemCode, Wording};
use crate::model::{Customer, CustomerDraft, CustomerPatch, ThreeWay};
use crate::value::{Map, Value};

/// What a save does with a field both sides changed to different values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum OnConflict {
    /// Send nothing; the save fails with a `conflict` error listing them.
    #[default]
    Reject,
    /// My value wins (theirs is overwritten; the report lists the conflict).
    Mine,
    /// Their value wins (my edit of that field is dropped; the report lists it).
    Theirs,
}

impl OnConflict {
    /// Every option, in declaration order.
    pub const ALL: [OnConflict; 3] = [OnConflict::Reject, OnConflict::Mine, OnConflict::Theirs];

    /// The wire name (`"reject"`, `"mine"`, `"theirs"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            OnConflict::Reject => "reject",
            OnConflict::Mine => "mine",
            OnConflict::Theirs => "theirs",
        }
    }

    /// The option named `name`.
    pub fn from_wire(name: &str) -> Option<OnConflict> {
        Self::ALL.into_iter().find(|o| o.as_str() == name)
    }
}

/// The outcome of [`merge_customer`]: the patch to send and what went where.
/// Each list holds dotted params, in the API's field order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Merge {
    /// What to send: the diff from `theirs` to the merged customer (empty
    /// when there is nothing to send). With conflicts under
    /// [`OnConflict::Reject`] it holds the conflicted fields as theirs, and
    /// must not be sent.
    pub patch: CustomerPatch,
    /// The merged customer's editable fields, canonical.
    pub merged: CustomerDraft,
    /// Fields only I changed: my value, sent.
    pub mine: Vec<String>,
    /// Fields only they changed: their value, kept and not sent.
    pub theirs: Vec<String>,
    /// Fields both changed to the same value: nothing to do.
    pub both: Vec<String>,
    /// Fields both changed differently, settled by the [`OnConflict`] given.
    pub conflicts: Vec<Conflict>,
}

impl Merge {
    /// As JSON data (what `mergeCustomer` returns): `{patch, draft, mine,
    /// theirs, both, conflicts}`, the draft with every field (`null` where
    /// empty).
    pub fn to_value(&self) -> Value {
        let mut map = Map::new();
        map.insert("patch", self.patch.to_value());
        map.insert("draft", self.merged.to_value());
        map.insert("mine", params(&self.mine));
        map.insert("theirs", params(&self.theirs));
        map.insert("both", params(&self.both));
        map.insert(
            "conflicts",
            Value::Array(self.conflicts.iter().map(Conflict::to_value).collect()),
        );
        Value::Object(map)
    }
}

/// Dotted params as a JSON array of strings.
pub(crate) fn params(params: &[String]) -> Value {
    Value::Array(params.iter().cloned().map(Value::String).collect())
}

/// Merges my draft (`mine`, edited from `base`) with the customer as stored
/// now (`theirs`); see the [module](self) for the rules. With `theirs` equal
/// to `base` the patch is exactly `diff_customer(base, mine)`.
pub fn merge_customer(
    base: &Customer,
    theirs: &Customer,
    mine: &CustomerDraft,
    on_conflict: OnConflict,
) -> Merge {
    let base = base.canonical_draft();
    let theirs = theirs.canonical_draft();
    let mut merger = Merger {
        on_conflict,
        out: Merge::default(),
    };
    let merged = CustomerDraft::merge3(&base, &theirs, &mine.canonical(), &mut merger).canonical();
    let mut out = merger.out;
    out.patch = CustomerPatch::between(theirs, merged.clone());
    out.merged = merged;
    out
}

/// The customer the server returned after a save, compared with the one the
/// save expected (`theirs` with the patch applied): the dotted params of the
/// fields that came back different (someone else's write in the window
/// between the `GET` and the `PATCH`, or a server rule), in the API's order.
pub fn differences(expected: &Customer, returned: &Customer) -> Vec<String> {
    let expected = expected.canonical_draft();
    let mut merger = Merger {
        on_conflict: OnConflict::Theirs,
        out: Merge::default(),
    };
    CustomerDraft::merge3(
        &expected,
        &returned.canonical_draft(),
        &expected,
        &mut merger,
    );
    merger.out.theirs
}

/// Collects the outcome of each leaf while the generated walk
/// (`CustomerDraft::merge3`) descends the fields.
struct Merger {
    on_conflict: OnConflict,
    out: Merge,
}

impl ThreeWay for Merger {
    fn leaf(&mut self, path: Path, [base, theirs, mine]: [&Option<String>; 3]) -> Option<String> {
        if mine == base {
            if theirs != base {
                self.out.theirs.push(path.render());
            }
            return theirs.clone();
        }
        if theirs == base {
            self.out.mine.push(path.render());
            return mine.clone();
        }
        if theirs == mine {
            self.out.both.push(path.render());
            return mine.clone();
        }
        let value = |side: &Option<String>| side.clone().map_or(Value::Null, Value::String);
        self.out.conflicts.push(Conflict {
            param: path.render(),
            base: value(base),
            theirs: value(theirs),
            mine: value(mine),
        });
        match self.on_conflict {
            OnConflict::Mine => mine.clone(),
            OnConflict::Reject | OnConflict::Theirs => theirs.clone(),
        }
    }
}

/// The problem when `value` (a draft, or the customer as stored now, as
/// JSON data; `wording` names it: [`Wording::OtherDraft`] or
/// [`Wording::OtherCurrent`]; `param` is where the problem is reported)
/// holds an `id` other than `base.id`: merging or saving it would write one
/// customer's fields onto another. A value without an `id` is taken as
/// `base`'s.
pub fn other_customer(
    base: &Customer,
    value: Option<&Value>,
    wording: Wording,
    param: &str,
) -> Option<FieldError> {
    let id = value?.as_object()?.get("id")?;
    if id.as_str() == Some(base.id.as_str()) {
        return None;
    }
    let what = match wording {
        Wording::OtherDraft => "draft",
        _ => "current customer",
    };
    let message = crate::text::text!(
        "The ",
        what,
        " is another customer's: its id is not ",
        base.id,
        ", the id of the customer loaded. Edit a copy of the customer loaded, and leave its \
         id as it is"
    );
    Some(
        FieldError::problem(ProblemCode::InvalidInput, param, message, id.clone())
            .with_wording(wording)
            .with_detail(base.id.as_str()),
    )
}
