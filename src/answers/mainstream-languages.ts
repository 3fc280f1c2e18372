/**
 * Languages people set against Go and Python for a backend, named and aliased as GitHub Linguist does.
 * Only these: Linguist lists 560 programming languages, many of them everyday words (Click, Cool, Mint,
 * Move, Ink, Just), which would make ordinary questions look like questions about another language.
 */
export const MAINSTREAM = (
  'Rust|Java|Kotlin|Scala|C++|C#|F#|JavaScript|TypeScript|Ruby|PHP|Elixir|Erlang|Haskell|OCaml|Clojure|Zig|Nim|' +
  'Lua|Perl|Groovy|Odin|Mojo|COBOL|Fortran|Objective-C|Visual Basic .NET|Common Lisp|Solidity|Raku|Hack|' +
  'Swift|Julia|Crystal|Dart|Carbon|Scheme|Racket|Gleam|Pascal|C|R'
).split('|');
