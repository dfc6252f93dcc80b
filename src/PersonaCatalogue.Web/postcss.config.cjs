// The last step of build:css, after PurgeCSS (docs/performance-notes.md, "Stylesheet"). Sass compiles each GOV.UK
// mixin's media query where the mixin is used, so the trimmed sheet still repeats "@media (min-width: 40.0625em)" and
// "@media print" about a hundred times each: postcss-sort-media-queries gathers the rules of each query into one
// block at the end, mobile first (the wider breakpoints after the narrower, print last, as GOV.UK orders them), and
// cssnano then merges the rules that have become neighbours and minifies what Sass leaves (its default preset only).
module.exports = {
  plugins: [require("postcss-sort-media-queries")({ sort: "mobile-first" }), require("cssnano")({ preset: "default" })],
};
