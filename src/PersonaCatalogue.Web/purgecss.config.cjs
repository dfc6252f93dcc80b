// Keeps only the selectors the site's views and C# use (docs/performance-notes.md, "Stylesheet").
// Class names put together at run time ("govuk-tag--" + colour) are invisible to the scan, so they are safelisted here
// with the values the code passes: add a value when a view or C# file passes a new one (a tag colour, a LabelSize,
// LegendSize or Width), or a prefix when a view builds a class name from something else. StylesheetTests fails when
// a value the sources pass is missing here.
module.exports = {
  content: ["Features/**/*.cshtml", "Features/**/*.cs", "Infrastructure/**/*.cs"],
  css: ["wwwroot/css/site.css"],
  output: "wwwroot/css/",
  safelist: {
    standard: [
      /^govuk-tag--(green|grey|purple|red|yellow)$/, // "blue" is the plain tag in GOV.UK Frontend 6: no modifier
      /^govuk-label--[ms]$/,
      /^govuk-fieldset__legend--[ms]$/,
      /^govuk-input--width-(5|10|20)$/,
      /^app-bar--/,
    ],
  },
};
