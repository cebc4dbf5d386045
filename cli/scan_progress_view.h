// How `cloudpeek scan` shows progress on stderr: a bar redrawn in place on a
// terminal, or a plain line every few seconds when stderr is a file or pipe
// (CI logs). Colour only on a terminal without NO_COLOR.
#pragma once

#include <string>

#include "scan/progress.h"

namespace cloudpeek::cli {

// "[#########-----------]  45% collecting · ~1m 05s left · 120 calls (3 lost, 2 not configured, 5 retried,
//  12 in flight) · ec2: 410 left · 340 resources · 512 findings"
std::string progress_bar_line(const scan::ProgressSnapshot& s, int width, bool color);
// "progress: collecting 45%, ~1m 05s left, 120 calls (3 lost, 2 not configured, 5 retried), busiest ec2
//  (410 calls left in 3 regions), 340 resources, 512 findings"
std::string progress_plain_line(const scan::ProgressSnapshot& s);

}  // namespace cloudpeek::cli
