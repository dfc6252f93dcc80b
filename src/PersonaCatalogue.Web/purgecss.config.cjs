// Keeps only the selectors the site's views and C# use (docs/performance-notes.md, "Stylesheet").
// Class names put together at run time ("govuk-tag--" + colour) are invisible to the scan, so they are safelisted here
// by prefix: add a prefix when a view builds a class name from a value.
module.exports = {
  content: ["Features/**/*.cshtml", "Features/**/*.cs", "Infrastructure/**/*.cs"],
  css: ["wwwroot/css/site.css"],
  output: "wwwroot/css/",
  safelist: {
    standard: [/^govuk-tag--/, /^govuk-label--/, /^govuk-fieldset__legend--/, /^govuk-input--width-/, /^app-bar--/],
  },
};
