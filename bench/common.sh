# Sourced by the bench scripts.
# The median of the numbers on standard input, one per line.
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Copies both boilerplate dev sets' pages into folder $2 from devsets folder $1
# (readability's named readability-*, as the two sets' names can meet),
# keeping their modification times.
copy_html_pages() {
  cp -p "$1/l3s-gn1/pages/"* "$2/"
  for page in "$1/readability/pages/"*; do cp -p "$page" "$2/readability-$(basename "$page")"; done
}
