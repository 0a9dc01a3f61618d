//! The JSON Schema (draft 2020-12) of a customer patch, rendered from the
//! field table: every editable field with its type and doc comment, `null`
//! clearing all but `email`, `address` and `shipping` with their own
//! fields, nothing else allowed, at least one field.
//!
//! It states what the API certainly refuses, nothing more: the usual
//! lengths and formats are warnings of the client's rules, not part of the
//! schema, so a validator using it never blocks what the server accepts.

use alloc::string::String;

use crate::{Kind, ADDRESS_FIELDS, SHIPPING};

/// Builds `FIELDS`: each editable field's name, kind and doc comment.
macro_rules! documented {
    (
        editable { $(
            $(#[doc = $doc:literal])*
            $field:ident $name:literal : $kind:ident = $spec:expr;
        )* }
        read_only { $(
            $(#[doc = $read_only_doc:literal])*
            $read_only:ident $read_only_name:literal : $presence:ident;
        )* }
    ) => {
        const FIELDS: &[(&str, Kind, &str)] = &[$(
            ($name, documented!(@kind $kind), concat!($($doc),*)),
        )*];
    };
    (@kind text) => { Kind::Text };
    (@kind email) => { Kind::Email };
    (@kind address) => { Kind::Address };
    (@kind shipping) => { Kind::Shipping };
}

crate::customer_fields!(documented);

/// The schema as JSON text.
pub fn patch_schema() -> String {
    let mut out = String::from(
        "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\
         \"title\":\"CustomerPatch\",\
         \"description\":\"The body of PATCH /v1/customers/:customerId: the fields to change \
         (omitted: unchanged; null: cleared; address and shipping are replaced whole).\",\
         \"type\":\"object\",\"minProperties\":1,\"additionalProperties\":false,\"properties\":{",
    );
    for (i, (name, kind, doc)) in FIELDS.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        string(&mut out, name);
        out.push_str(":{");
        match kind {
            Kind::Text => out.push_str("\"type\":[\"string\",\"null\"]"),
            Kind::Email => {
                out.push_str("\"type\":\"string\",\"minLength\":1,\"pattern\":\"\\\\S\"")
            }
            Kind::Address => {
                out.push_str("\"anyOf\":[{\"$ref\":\"#/$defs/address\"},{\"type\":\"null\"}]")
            }
            Kind::Shipping => {
                out.push_str("\"anyOf\":[{\"$ref\":\"#/$defs/shipping\"},{\"type\":\"null\"}]")
            }
        }
        out.push_str(",\"description\":");
        string(&mut out, doc.trim());
        out.push('}');
    }
    out.push_str("},\"$defs\":{\"address\":{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{");
    for (i, name) in ADDRESS_FIELDS.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        string(&mut out, name);
        out.push_str(":{\"type\":[\"string\",\"null\"]}");
    }
    out.push_str(
        "}},\"shipping\":{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{",
    );
    for (i, (name, kind)) in SHIPPING.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        string(&mut out, name);
        out.push_str(match kind {
            Kind::Address => ":{\"anyOf\":[{\"$ref\":\"#/$defs/address\"},{\"type\":\"null\"}]}",
            _ => ":{\"type\":[\"string\",\"null\"]}",
        });
    }
    out.push_str("}}}}");
    out
}

/// `text` as a JSON string (the table's docs hold no control characters).
fn string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        if matches!(c, '"' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
}
