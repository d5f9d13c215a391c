#pragma once
// Markdown to roff (the man(7) macros), for the subset the project's docs use: headings,
// paragraphs, fenced code, lists, tables, block quotes, `code`, **bold**, *emphasis* and
// links. The man pages' prose is kept in Markdown, like every other doc of the project.

#include <string>
#include <string_view>

namespace offsetctl::clidoc {

// Text escaped for roff: backslashes, a leading '.' or '\'', and '-' as a real minus
// sign (so that flags copied from the page work).
std::string roff_escape(std::string_view text);

// Inline Markdown (`code`, **bold**, *emphasis*, [text](link)) to escaped roff.
std::string roff_inline(std::string_view text);

// Block Markdown to roff: "## X" becomes a section (.SH, upper case), "### X" a subsection
// (.SS); a "# X" title is dropped (the page's NAME says it).
std::string markdown_to_roff(std::string_view markdown);

}  // namespace offsetctl::clidoc
