//! `GET /v1/customers/:customerId`: loads one customer.

use super::{check_customer_id, customer_path, Endpoint, HttpRequest, ParseFn, RequestFn};
use super::{Metadata, Param};
use crate::config::ClientConfig;
use crate::error::Error;

pub use super::parse_customer_response as parse_response;

/// `GET`, safe to repeat.
pub static METADATA: Metadata = Metadata {
    method: "GET",
    path: "/v1/customers/:customerId",
    idempotent: true,
};

/// Builds the request. Fails with a `validation` error, before anything is
/// sent, for a bad customer id.
pub fn request(config: &ClientConfig, customer_id: &str) -> Result<HttpRequest, Error> {
    check_customer_id(customer_id).map_err(|e| Error::validation(vec![e]))?;
    Ok(HttpRequest::new(
        config,
        &METADATA,
        &customer_path(customer_id),
        None,
    ))
}

/// `client.getCustomer(customerId, options)`: resolves to the customer's
/// data as the server sent it.
pub struct GetCustomer;

impl Endpoint for GetCustomer {
    const PARAMS: &'static [Param] = &[Param::CustomerId];

    const REQUEST: RequestFn = |config, args| request(config, &args.customer_id);
    const PARSE: ParseFn = super::customer_data;
}
