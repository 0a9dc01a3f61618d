//! The field lists as a TypeScript module, for code that cannot link this
//! crate: the dashboard (`www/src/customer-fields.ts`, checked current by
//! the test `generated_typescript_is_current` in `fields/tests/generated.rs`),
//! and the test kit's `FakeCustomer` interface (in `npm/testing/index.d.ts`,
//! checked by `generated_fake_customer_is_current`).

use alloc::string::String;

use crate::STRING_FIELDS;
use crate::{Kind, ADDRESS_FIELDS, EDITABLE_FIELDS, READ_ONLY_FIELDS, SHIPPING, SHIPPING_FIELDS};

/// Builds `DOCUMENTED`: every field of a customer after `id`, with its kind
/// (`None`: read-only) and doc comment.
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
        const DOCUMENTED: &[(&str, Option<Kind>, &str)] = &[
            $(($name, Some(documented!(@kind $kind)), concat!($($doc),*)),)*
            $(($read_only_name, None, concat!($($read_only_doc),*)),)*
        ];
    };
    (@kind text) => { Kind::Text };
    (@kind email) => { Kind::Email };
    (@kind address) => { Kind::Address };
    (@kind shipping) => { Kind::Shipping };
}

crate::customer_fields!(documented);

/// The file holding the test kit's `FakeCustomer`, relative to the
/// repository's root, and the lines around the generated interface.
pub const FAKE_CUSTOMER: (&str, &str, &str) = (
    "npm/testing/index.d.ts",
    "// Generated from the customer field table (fields/src/lib.rs) by fields/src/typescript.rs; do not edit.\n",
    "// End of the generated `FakeCustomer`.\n",
);

/// The test kit's `FakeCustomer` (between the [`FAKE_CUSTOMER`] lines):
/// every field of the table, as the kit's fake stores and returns it (all
/// but `id` optional; addresses as string records), unknown fields kept.
pub fn fake_customer() -> String {
    let mut out = String::from(
        "/** A customer as the API returns it (documented fields; unknown fields are kept). */\n\
         export interface FakeCustomer {\n  /** The customer's id (a 24-hex ObjectId). */\n  id: string;\n",
    );
    let address = "Record<string, string>";
    for (name, kind, doc) in DOCUMENTED {
        out.push_str("  /** ");
        out.push_str(doc.trim());
        // What the fake adds to the field's own doc comment.
        out.push_str(match *name {
            "createdAt" => " UTC, with milliseconds.",
            "updatedAt" => " UTC, with milliseconds; advances on every successful PATCH.",
            _ => "",
        });
        out.push_str(" */\n  ");
        out.push_str(name);
        out.push_str("?: ");
        match kind {
            Some(Kind::Address) => out.push_str(address),
            Some(Kind::Shipping) => {
                out.push_str("{ ");
                for (i, (field, kind)) in SHIPPING.iter().enumerate() {
                    if i > 0 {
                        out.push_str("; ");
                    }
                    out.push_str(field);
                    out.push_str("?: ");
                    out.push_str(match kind {
                        Kind::Address => address,
                        _ => "string",
                    });
                }
                out.push_str(" }");
            }
            _ => out.push_str("string"),
        }
        out.push_str(";\n");
    }
    out.push_str("  /** Fields the documented model does not know survive. */\n  [field: string]: unknown;\n}\n");
    out
}

/// Where the rendered module lives, relative to the repository's root.
pub const PATH: &str = "www/src/customer-fields.ts";

/// The module's text: each list as a `const` array and a union of its names.
pub fn render() -> String {
    let mut out = String::from(
        "// Generated from the customer field table (fields/src/lib.rs); do not edit.\n\
         // Regenerate: BLESS=1 cargo test -p checkoutpage-fields --test generated\n",
    );
    let lists: [(&str, &str, &str, &[&str]); 5] = [
        (
            "The fields a patch may carry, in the API's order.",
            "EDITABLE_FIELDS",
            "EditableField",
            &EDITABLE_FIELDS,
        ),
        (
            "The editable fields that hold strings (`null` clears all but `email`).",
            "STRING_FIELDS",
            "StringField",
            &STRING_FIELDS,
        ),
        (
            "The fields the server sets; a patch may not carry them.",
            "READ_ONLY_FIELDS",
            "ReadOnlyField",
            &READ_ONLY_FIELDS,
        ),
        (
            "The fields of an address (`address`, `shipping.address`).",
            "ADDRESS_FIELDS",
            "AddressField",
            &ADDRESS_FIELDS,
        ),
        (
            "The fields of `shipping`.",
            "SHIPPING_FIELDS",
            "ShippingField",
            &SHIPPING_FIELDS,
        ),
    ];
    for (doc, name, union, fields) in lists {
        out.push_str("\n/** ");
        out.push_str(doc);
        out.push_str(" */\nexport const ");
        out.push_str(name);
        out.push_str(" = [");
        for (i, field) in fields.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push('"');
            out.push_str(field);
            out.push('"');
        }
        out.push_str("] as const;\nexport type ");
        out.push_str(union);
        out.push_str(" = (typeof ");
        out.push_str(name);
        out.push_str(")[number];\n");
    }
    out
}
