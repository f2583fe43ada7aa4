x = {for x in y: x => {
  a = x
}...}