export default defineBackground(() => {
  // Filled in by the foundation issue: the bundled index is loaded and validated here.
});
