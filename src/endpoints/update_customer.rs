//! `PATCH /v1/customers/:customerId`: updates one customer with a patch.

use super::{check_customer_id, customer_path, Endpoint, HttpRequest, ParseFn, RequestFn};
use super::{Metadata, Param};
use crate::config::ClientConfig;
use crate::error::Error;
use crate::model::CustomerPatch;

pub use super::parse_customer_response as parse_response;

/// `PATCH`, idempotent: sending the same body twice stores the same result.
pub static METADATA: Metadata = Metadata {
    method: "PATCH",
    path: "/v1/customers/:customerId",
    idempotent: true,
};

/// Builds the request. Fails with a `validation` error, before anything is
/// sent, for a bad customer id or an empty patch.
pub fn request(
    config: &ClientConfig,
    customer_id: &str,
    patch: &CustomerPatch,
) -> Result<HttpRequest, Error> {
    let mut errors = Vec::new();
    if let Err(e) = check_customer_id(customer_id) {
        errors.push(e);
    }
    if patch.is_empty() {
        // The "at least one field" rule, as the patch reader states it.
        errors.extend(
            CustomerPatch::from_value(&patch.to_value())
                .err()
                .unwrap_or_default(),
        );
    }
    if !errors.is_empty() {
        return Err(Error::validation(errors));
    }
    Ok(HttpRequest::new(
        config,
        &METADATA,
        &customer_path(customer_id),
        Some(patch.to_value()),
    ))
}

/// `client.updateCustomer(customerId, patch, options)` (and each item of
/// `updateCustomers`): resolves to the customer's data as the server stored
/// it.
pub struct UpdateCustomer;

impl Endpoint for UpdateCustomer {
    const PARAMS: &'static [Param] = &[Param::CustomerId, Param::Patch];

    const REQUEST: RequestFn = |config, args| {
        // Never `None` here: read in the call's mode, the patch is a problem
        // unless it is one; an empty patch is refused.
        let empty = CustomerPatch::default();
        request(
            config,
            &args.customer_id,
            args.patch.as_ref().unwrap_or(&empty),
        )
    };
    const PARSE: ParseFn = super::customer_data;
}
