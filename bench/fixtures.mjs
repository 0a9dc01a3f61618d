// The patches every benchmark validates (bench/run.mjs, bench/parsers.mjs).
export const validPatch = {
  name: "Ada Lovelace",
  companyName: "Analytical Engines Ltd",
  email: "ada@example.com",
  phone: "+44 20 7946 0958",
  billingEmail: "billing@example.com",
  address: { line1: "12 St James's Square", line2: "Floor 2", city: "London", state: "Greater London", postalCode: "SW1Y 4JH", country: "GB" },
  shipping: {
    name: "Ada Lovelace",
    phone: "+44 20 7946 0000",
    address: { line1: "1 Dock Road", city: "Bristol", postalCode: "BS1 4ST", country: "GB" },
  },
  taxId: "GB123456789",
  taxIdType: "gb_vat",
};
export const invalidPatch = {
  name: "Ada\u0007",
  email: "not-an-email",
  phone: "call me",
  address: { line1: "x".repeat(500), city: "London", postalCode: "SW1Y 4JH", country: "XX" },
  shipping: { name: "Ada", address: { country: "gb", extra: 1 } },
  taxId: "GB1",
  taxIdType: "gb_vat",
};
