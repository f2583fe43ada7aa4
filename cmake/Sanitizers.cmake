# ECSGUARD_SANITIZE: "" (off), "address,undefined" or "thread".
set(ECSGUARD_SANITIZE "" CACHE STRING "Sanitizers to build with (address,undefined | thread)")
if(ECSGUARD_SANITIZE)
  add_compile_options(-fsanitize=${ECSGUARD_SANITIZE} -fno-sanitize-recover=all -fno-omit-frame-pointer -g)
  add_link_options(-fsanitize=${ECSGUARD_SANITIZE})
endif()
