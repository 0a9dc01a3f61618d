//! The results of the package's Standard Schema objects
//! ([standardschema.dev](https://standardschema.dev), version 1), the
//! interface form libraries (react-hook-form's `standardSchemaResolver`,
//! TanStack Form, ...) take validators through.
//!
//! Two schemas: a patch ([`SchemaKind::Patch`], what `updateCustomer` takes)
//! and an edit form's values ([`SchemaKind::Draft`], what `diffCustomer`
//! takes). [`validate`] gives, as one JSON value:
//!
//! - `{ "value": <as the server will store it>, "warnings": [...] }` when
//!   nothing blocks, or
//! - `{ "issues": [...], "warnings": [...] }` when something does;
//!
//! each issue and warning `{ message, path, param, code, severity }`, `path`
//! the `param` split at its dots (`["address", "postalCode"]`; left out for
//! a problem with the whole value). Only blocking problems are issues: a
//! warning never blocks a form (unless the mode is strict); it stays
//! available, with its path, to show as a hint. Messages are in the chosen
//! [`Locale`].

use crate::args::Snapshot;
use crate::error::{cap_problems, FieldError, ProblemCode, Severity, Wording};
use crate::messages::{localize, localized, Locale};
use crate::model::{Customer, CustomerPatch};
use crate::rules::{check_draft, draft_value, validate_draft, validate_patch, ValidationMode};
use crate::value::{Map, Value};

/// What a schema validates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SchemaKind {
    /// A patch (`CustomerPatch`); the output is the patch normalised.
    Patch,
    /// An edit form's values (`CustomerDraft`, whole or partial: what
    /// `diffCustomer` takes); the output is the draft as `diffCustomer`
    /// will read it ([`draft_value`]): its editable fields as the server
    /// will store them, an emptied optional field `null`, other keys carried
    /// as given (`diffCustomer`, which has the loaded customer, refuses
    /// those that changed). With the loaded customer (the `before` option)
    /// the schema judges those keys itself, as `diffCustomer` does, and an
    /// error on a value equal to the loaded one is only a warning.
    Draft,
}

/// A schema's settings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SchemaOptions {
    /// The messages' language.
    pub locale: Locale,
    /// What blocks: errors (standard), warnings too (strict), or only what
    /// cannot be sent as given (off).
    pub mode: ValidationMode,
    /// The loaded customer as JSON (the draft schema's `before` option), as
    /// the API returned it.
    pub before: Option<Map>,
}

impl SchemaOptions {
    /// The options argument as the shell read it (`None`: not given): what
    /// could not be read fails first, then [`SchemaOptions::from_value`].
    pub fn from_snapshot(options: Option<Snapshot>) -> Result<SchemaOptions, Vec<FieldError>> {
        let Some(Snapshot { value, problems }) = options else {
            return Ok(SchemaOptions::default());
        };
        match problems.is_empty() {
            true => SchemaOptions::from_value(value.as_ref()),
            false => Err(problems),
        }
    }

    /// The options `{ locale, validation }` as a schema's factory takes them
    /// (`undefined` or absent: the defaults). `locale` is a language tag
    /// (`"nl"`, `"de-AT"`, `navigator.language`; `null`: English): English
    /// for a language without messages; `validation` is `"standard"`,
    /// `"strict"` or `"off"`; `before` (draft schema only) the loaded
    /// customer. Anything else is an `invalid_option` problem.
    pub fn from_value(value: Option<&Value>) -> Result<SchemaOptions, Vec<FieldError>> {
        let mut options = SchemaOptions::default();
        let mut problems = Vec::new();
        let Some(value) = value else {
            return Ok(options);
        };
        let Some(object) = value.as_object() else {
            return Err(vec![FieldError::problem(
                ProblemCode::InvalidOption,
                "options",
                "Expected an object of options ({ locale, validation })",
                value.clone(),
            )
            .with_wording(Wording::OptionsNotObject)
            .with_detail("SchemaOptions")]);
        };
        for (key, field) in object.iter() {
            match (key, field) {
                ("locale", Value::String(tag)) => options.locale = Locale::from_tag(tag),
                ("locale" | "validation" | "before", Value::Null) => {}
                ("before", Value::Object(customer)) if Customer::from_value(field).is_ok() => {
                    options.before = Some(customer.clone());
                }
                ("before", other) => problems.push(
                    FieldError::problem(
                        ProblemCode::InvalidOption,
                        "before",
                        "Expected the loaded customer (as getCustomer returned it)",
                        other.clone(),
                    )
                    .with_wording(Wording::BeforeOption),
                ),
                ("validation", Value::String(mode)) if ValidationMode::parse(mode).is_some() => {
                    options.mode = ValidationMode::parse(mode).unwrap_or_default();
                }
                ("locale", other) => problems.push(
                    FieldError::problem(
                        ProblemCode::InvalidOption,
                        "locale",
                        "Expected a language tag such as \"en\", \"nl\", \"de\", \"fr\" or \"es\"",
                        other.clone(),
                    )
                    .with_wording(Wording::LocaleTag)
                    .with_detail("\"en\", \"nl\", \"de\", \"fr\", \"es\""),
                ),
                ("validation", other) => {
                    problems.push(crate::config::validation_problem(other.clone()))
                }
                (other, field) => problems.push(
                    FieldError::problem(
                        ProblemCode::InvalidOption,
                        other,
                        "Unknown option; expected locale, validation or before",
                        field.clone(),
                    )
                    .with_wording(Wording::UnknownOption)
                    .with_detail("SchemaOptions")
                    .with_hint("locale, validation, before"),
                ),
            }
        }
        // In the options' own `locale` where it could be read.
        match problems.is_empty() {
            true => Ok(options),
            false => Err(localized(problems, options.locale)),
        }
    }
}

/// The result of validating `value` (read from JavaScript, with `read`, the
/// problems met reading it) with the schema `kind` (see the module docs).
pub fn validate(
    kind: SchemaKind,
    value: Option<&Value>,
    read: Vec<FieldError>,
    options: &SchemaOptions,
) -> Value {
    let mut problems = read;
    let output = match (kind, value) {
        (_, None) => None,
        (SchemaKind::Patch, Some(value)) => {
            problems.extend(match options.mode {
                ValidationMode::Off => CustomerPatch::structural_errors(value),
                _ => validate_patch(value),
            });
            CustomerPatch::from_value(value)
                .ok()
                .map(|patch| patch.normalized().to_value())
        }
        (SchemaKind::Draft, Some(Value::Object(state))) => {
            let stored = options.before.as_ref();
            problems.extend(match options.mode {
                ValidationMode::Off => check_draft(stored, state),
                _ => validate_draft(stored, state),
            });
            draft_value(stored, state).ok()
        }
        (SchemaKind::Draft, Some(other)) => {
            problems.push(
                FieldError::problem(
                    ProblemCode::NotAnObject,
                    "",
                    "The form's values must be an object",
                    other.clone(),
                )
                .with_wording(Wording::FormNotObject)
                .with_hint(other.type_name()),
            );
            None
        }
    };
    if value.is_none() && problems.is_empty() {
        problems.push(FieldError::problem(
            ProblemCode::NotAnObject,
            "",
            "An object is required",
            Value::Null,
        ));
    }
    let problems = cap_problems(problems);
    let blocks = |p: &FieldError| options.mode == ValidationMode::Strict || p.is_error();
    let (issues, warnings): (Vec<_>, Vec<_>) = problems.iter().partition(|p| blocks(p));
    let list = |items: Vec<&FieldError>| {
        Value::Array(
            items
                .into_iter()
                .map(|p| issue(p, options.locale))
                .collect(),
        )
    };
    let mut result = Map::new();
    match output {
        Some(value) if issues.is_empty() => result.insert("value", value),
        _ => result.insert("issues", list(issues)),
    }
    result.insert("warnings", list(warnings));
    Value::Object(result)
}

/// One problem as a Standard Schema issue, with its `param`, `code` and
/// `severity` kept.
fn issue(problem: &FieldError, locale: Locale) -> Value {
    let mut out = Map::new();
    out.insert("message", Value::String(localize(problem, locale)));
    if !problem.param.is_empty() {
        let path = problem
            .param
            .split('.')
            .map(|key| Value::String(key.to_owned()));
        out.insert("path", Value::Array(path.collect()));
    }
    out.insert("param", Value::String(problem.param.clone()));
    let code = problem.code.unwrap_or(ProblemCode::InvalidInput);
    let severity = match problem.is_error() {
        true => Severity::Error,
        false => Severity::Warning,
    };
    out.insert("code", Value::String(code.as_str().to_owned()));
    out.insert("severity", Value::String(severity.as_str().to_owned()));
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{parse, to_string};

    fn run(kind: SchemaKind, json: &str, options: SchemaOptions) -> String {
        let value = parse(json).expect("JSON");
        to_string(&validate(kind, Some(&value), Vec::new(), &options))
    }

    #[test]
    fn a_valid_patch_gives_the_stored_value_and_its_warnings() {
        let out = run(
            SchemaKind::Patch,
            r#"{"email":" A@B.CO ","address":{"country":"nl","postalCode":"12"}}"#,
            SchemaOptions::default(),
        );
        assert_eq!(
            out,
            r#"{"value":{"email":"a@b.co","address":{"postalCode":"12","country":"NL"}},"warnings":[{"message":"Not a usual NL postal code (e.g. 1234 AB)","path":["address","postalCode"],"param":"address.postalCode","code":"postal_code_format","severity":"warning"}]}"#
        );
    }

    #[test]
    fn errors_are_issues_with_paths_in_the_locale() {
        let options = SchemaOptions {
            locale: Locale::Fr,
            mode: ValidationMode::Standard,
            before: None,
        };
        let out = run(
            SchemaKind::Draft,
            r#"{"email":"  ","name":"Ada"}"#,
            options.clone(),
        );
        assert_eq!(
            out,
            r#"{"issues":[{"message":"Une adresse e-mail est obligatoire : elle ne peut pas être effacée","path":["email"],"param":"email","code":"email_required","severity":"error"}],"warnings":[]}"#
        );
        let strict = SchemaOptions {
            mode: ValidationMode::Strict,
            ..options.clone()
        };
        let out = run(SchemaKind::Patch, r#"{"phone":"call me"}"#, strict);
        assert!(
            out.starts_with(r#"{"issues":[{"message":"Numéro de téléphone"#),
            "{out}"
        );
        let out = run(SchemaKind::Draft, "[]", SchemaOptions::default());
        assert!(
            out.contains(r#""code":"not_an_object""#) && !out.contains("path"),
            "{out}"
        );
    }
}
