b {
} # comment