// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace Forkline {

// The members of a trace event's `args` that Forkline does not read itself (clang's "detail",
// PyTorch's "External id" ...), kept so that Details can show them and an export can write them
// back. `event` is one whole event, valid JSON (the parsers have read it); the result is its
// top-level "args" object's members whose decoded key `drop` does not take, as compact JSON
// without the braces: "\"detail\":\"main.cpp\",\"n\":[1,2]". Keys and values keep their own text
// (escapes, digits); only the blanks between tokens go. Empty when args is absent, not an
// object, or has nothing else. Of two "args" members, the last one counts.
std::string otherArgs(std::string_view event, const std::function<bool(std::string_view key)>& drop);

// The same for members kept as otherArgs() gives them: those whose key `drop` does not take.
std::string filterArgs(std::string_view members, const std::function<bool(std::string_view key)>& drop);

// Keys of the lane description Forkline writes on a lane's first event (ARCHITECTURE.md).
bool isLaneArgKey(std::string_view key);

// The decoded text of the event's last top-level member `key` when that is a string (a pid
// written "renderer"); false when it is absent or of another type.
bool stringMember(std::string_view event, std::string_view key, std::string* out);

} // namespace Forkline
