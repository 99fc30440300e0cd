// Ink imports react-devtools-core only in development; the bundle aliases it to this empty module.
export default {};
