//! The field lists as a TypeScript module, for code that cannot link this
//! crate: the dashboard (`www/src/customer-fields.ts`, checked current by
//! the test `generated_typescript_is_current` in `fields/tests/generated.rs`).

use alloc::string::String;

use crate::{ADDRESS_FIELDS, EDITABLE_FIELDS, READ_ONLY_FIELDS, SHIPPING_FIELDS, STRING_FIELDS};

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
