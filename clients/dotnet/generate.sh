#!/usr/bin/env bash
# Generates the .NET client from openapi.yaml with NSwag (settings in nswag.json, the tool pinned in
# .config/dotnet-tools.json) into CustomerCare.Client/CustomerCareClient.g.cs, or into the file given as $1 (the
# staleness test generates elsewhere and compares). scripts/openapi.sh runs it.
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$DIR"
output="${1:-$DIR/CustomerCare.Client/CustomerCareClient.g.cs}"
dotnet tool restore >/dev/null
dotnet nswag run nswag.json "/variables:Output=$output" >/dev/null
# NSwag names enum values in EnumMember, which System.Text.Json does not read: each also gets JsonStringEnumMemberName,
# so that "complaint.received" and "webForm" travel as the contract spells them.
sed -i -E 's/^( *)\[System\.Runtime\.Serialization\.EnumMember\(Value = @"([^"]*)"\)\]$/&\n\1[System.Text.Json.Serialization.JsonStringEnumMemberName("\2")]/' "$output"
