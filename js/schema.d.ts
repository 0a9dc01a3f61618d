
/** The languages of problem messages; any other tag gives English. */
export type Locale = "en" | "nl" | "de" | "fr" | "es";

/**
 * The Standard Schema v1 interface (https://standardschema.dev, MIT), as its
 * spec publishes it for copying, so `StandardSchemaV1.InferOutput<typeof
 * schema>` works without a dependency.
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  /** The Standard Schema properties. */
  readonly "~standard": StandardSchemaV1.Props<Input, Output>;
}
/** The types of the Standard Schema v1 interface. */
export declare namespace StandardSchemaV1 {
  /** The Standard Schema properties. */
  export interface Props<Input = unknown, Output = Input> {
    /** The version number of the standard. */
    readonly version: 1;
    /** The vendor name of the schema library. */
    readonly vendor: string;
    /** Validates unknown input values. */
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
    /** Inferred types associated with the schema. */
    readonly types?: Types<Input, Output> | undefined;
  }
  /** The result interface of the validate function. */
  export type Result<Output> = SuccessResult<Output> | FailureResult;
  /** The result interface if validation succeeds. */
  export interface SuccessResult<Output> {
    /** The typed output value. */
    readonly value: Output;
    /** The non-existent issues. */
    readonly issues?: never | undefined;
  }
  /** The result interface if validation fails. */
  export interface FailureResult {
    /** The issues of failed validation. */
    readonly issues: ReadonlyArray<Issue>;
  }
  /** The issue interface of the failure output. */
  export interface Issue {
    /** The error message of the issue. */
    readonly message: string;
    /** The path of the issue, if any. */
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  /** The path segment interface of the issue. */
  export interface PathSegment {
    /** The key representing a path segment. */
    readonly key: PropertyKey;
  }
  /** The Standard Schema types interface. */
  export interface Types<Input = unknown, Output = Input> {
    /** The input type of the schema. */
    readonly input: Input;
    /** The output type of the schema. */
    readonly output: Output;
  }
  /** Infers the input type of a Standard Schema. */
  export type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["input"];
  /** Infers the output type of a Standard Schema. */
  export type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["output"];
}

/**
 * A problem as a schema reports it: a Standard Schema issue (`message` in
 * the schema's locale, `path` the field as an array such as
 * `["address", "postalCode"]`, absent for the whole value) with the
 * problem's `param` (dotted), `code` and `severity`.
 */
export interface SchemaIssue extends StandardSchemaV1.Issue {
  /** The field as an array of keys; absent for a problem with the whole value. */
  readonly path?: ReadonlyArray<string> | undefined;
  /** The field, dotted (`address.postalCode`); `""` for the whole value. */
  readonly param: string;
  /** What kind of problem it is. */
  readonly code: ProblemCode;
  /** `"error"` blocks; `"warning"` is a hint (an issue only when strict). */
  readonly severity: Severity;
}

/**
 * A schema's result: Standard Schema's, always synchronous, plus the
 * `warnings` that do not block (hints to show with their paths).
 */
export type CustomerSchemaResult<Output> = (
  | { readonly value: Output; readonly issues?: never | undefined; }
  | { readonly issues: ReadonlyArray<SchemaIssue>; }
) & { readonly warnings: ReadonlyArray<SchemaIssue> };

/** The Standard Schema properties of this package's schemas. */
export interface CustomerSchemaProps<Input, Output> extends StandardSchemaV1.Props<Input, Output> {
  /** Synchronous: a result (with the warnings), never a Promise. */
  readonly validate: (value: unknown) => CustomerSchemaResult<Output>;
}

/** A Standard Schema v1 object of this package; `validate` is synchronous. */
export interface CustomerSchema<Input, Output> extends StandardSchemaV1<Input, Output> {
  /** The Standard Schema properties (`vendor: "checkoutpage-client"`). */
  readonly "~standard": CustomerSchemaProps<Input, Output>;
  /** The warnings for `value` alone (hints that never block). */
  warnings(value: unknown): ReadonlyArray<SchemaIssue>;
}

/**
 * A schema for a patch: output the patch normalised by this package's rules
 * (as `normalizeCustomerPatch`; the API itself normalises only `email`, and
 * `updateCustomer` sends what it is given).
 */
export type CustomerPatchSchema = CustomerSchema<CustomerPatch, CustomerPatch>;

/**
 * A schema for an edit form's values (`diffCustomer`'s draft): output the
 * draft as `diffCustomer` will read it, to pass to `diffCustomer` or
 * `saveCustomer` with the loaded customer: its editable fields normalised
 * by this package's rules (trimmed, emails lowercased), an emptied optional
 * field or sub-field `null` (an `address` with all six lines emptied
 * `null`), a field or sub-field it leaves out still left out (unchanged).
 * Other keys (`id`, `createdAt`, fields the API added) are carried as
 * given: `diffCustomer` refuses those that differ from the loaded
 * customer, never drops them. With the `before` option the schema refuses
 * them itself, at their path, and an error on a value equal to the loaded
 * one is only a warning.
 */
export type CustomerDraftSchema = CustomerSchema<CustomerDraft, CustomerDraft>;

/** The options of `validateCustomerPatch` and `diffCustomer`. */
export interface MessageOptions {
  /**
   * The language of the problems' messages: `"en"` (the default), `"nl"`,
   * `"de"`, `"fr"`, `"es"`, or any BCP 47 tag (`navigator.language`);
   * English for other languages.
   */
  locale?: Locale | (string & {}) | null | undefined;
}

/** Options of a schema. */
export interface SchemaOptions extends MessageOptions {
  /**
   * What blocks: `"standard"` (errors, the default), `"strict"` (warnings
   * too), `"off"` (only what cannot be sent as given: wrong types, unknown
   * or read-only keys, an emptied email).
   */
  validation?: "standard" | "strict" | "off" | null | undefined;
  /**
   * Draft schema only: the loaded customer (as `getCustomer` returned it),
   * to judge the form's values as `diffCustomer` will: a changed read-only
   * or unknown key is an issue at its path, an unchanged one is fine, and an
   * error on a value equal to the loaded one (a stored tab in a name) is
   * only a warning. Without it those keys are carried to the value for
   * `diffCustomer` to judge.
   */
  before?: Customer | null | undefined;
}
