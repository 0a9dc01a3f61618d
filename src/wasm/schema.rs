//! `createCustomerPatchSchema` and `createCustomerDraftSchema`: the core's
//! Standard Schema results ([`crate::schema`]) behind the `~standard`
//! object that `js/schema.js` builds.

use wasm_bindgen::prelude::*;

use crate::schema::{self, SchemaKind, SchemaOptions};

use super::errors::validation_error;
use super::exports::platform;
use super::interop::{self, snapshot};

#[wasm_bindgen(module = "/js/schema.js")]
extern "C" {
    /// The frozen `{ "~standard", warnings }` object around `rules`.
    #[wasm_bindgen(js_name = standardSchema)]
    fn standard_schema(rules: CustomerSchemaRules) -> JsValue;
}

/// What a schema object calls (not part of the public types).
#[wasm_bindgen(skip_typescript)]
pub struct CustomerSchemaRules {
    kind: SchemaKind,
    options: SchemaOptions,
}

#[wasm_bindgen]
impl CustomerSchemaRules {
    /// The Standard Schema result for `value`, with its warnings.
    pub fn run(&self, value: JsValue) -> JsValue {
        platform();
        let value = snapshot(&value, "");
        interop::from_value(&schema::validate(
            self.kind,
            value.value.as_ref(),
            value.problems,
            &self.options,
        ))
    }
}

fn create(kind: SchemaKind, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    platform();
    let options = options.map(|options| snapshot(&options, "options"));
    let options = SchemaOptions::from_snapshot(options).map_err(validation_error)?;
    Ok(standard_schema(CustomerSchemaRules { kind, options }))
}

/// A Standard Schema (v1) for a patch, what `updateCustomer` takes: for
/// react-hook-form's `standardSchemaResolver`, TanStack Form's validators
/// and any library that takes one. `validate` is synchronous; its issues
/// are the problems that block sending (errors; warnings too with
/// `validation: "strict"`), each with a `path` array and a message in
/// `locale`; the value is the patch normalised by this package's rules
/// (`normalizeCustomerPatch`; the API itself normalises only `email`, and
/// `updateCustomer` sends what it is given). Throws a `CheckoutPageError`
/// (`validation`) for bad options.
#[wasm_bindgen(js_name = createCustomerPatchSchema, unchecked_return_type = "CustomerPatchSchema")]
pub fn create_customer_patch_schema(
    #[wasm_bindgen(unchecked_optional_param_type = "SchemaOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    create(SchemaKind::Patch, options)
}

/// A Standard Schema (v1) for an edit form's values, the draft
/// `diffCustomer` takes: an emptied email is an `email_required` issue, an
/// empty optional field means "clear"; the value is the draft's fields
/// normalised by this package's rules. See `createCustomerPatchSchema`.
#[wasm_bindgen(js_name = createCustomerDraftSchema, unchecked_return_type = "CustomerDraftSchema")]
pub fn create_customer_draft_schema(
    #[wasm_bindgen(unchecked_optional_param_type = "SchemaOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    create(SchemaKind::Draft, options)
}

/// The JSON Schema (draft 2020-12) of a patch, rendered from the customer
/// field table (`fields/`): each field's type and doc comment, `null`
/// clearing all but `email`, no other fields, at least one. Only what the
/// API certainly refuses: usual lengths and formats stay warnings of
/// `validateCustomerPatch`, so a validator using it never blocks what the
/// server accepts. A new object at each call.
#[wasm_bindgen(js_name = customerPatchJsonSchema, unchecked_return_type = "Record<string, unknown>")]
pub fn customer_patch_json_schema() -> JsValue {
    let text = checkoutpage_fields::json_schema::patch_schema();
    interop::parse_json(&text).map_or(JsValue::NULL, |value| interop::from_value(&value))
}

/// The declarations of the schemas' types (Standard Schema v1, the issue
/// and result shapes, `MessageOptions`, `SchemaOptions`).
#[wasm_bindgen(typescript_custom_section)]
const SCHEMA_TS: &'static str = include_str!("../../js/schema.d.ts");
