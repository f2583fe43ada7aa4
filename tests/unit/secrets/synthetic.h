#pragma once
// Synthetic secrets made up for these tests (random characters in each provider's format; none
// was ever issued). They are assembled at run time so that secret scanners run on this
// repository do not flag the source.
#include <string>

namespace ecsguard::secrets::testing {

inline std::string cat(const char* a, const char* b) { return std::string(a) + b; }

inline const std::string kAwsKeyId = cat("AKIA", "Q7ZK3M2XW9RTB4LP");
inline const std::string kAwsSecret = cat("q8Hf2/Lm9RtZx4Vb", "N7kPw3Yc6Jd1Gs5Ua0EiTo+X");  // 40
inline const std::string kGithub = cat("ghp_", "R7mK2pX9qL4vT8nB3cW6yZ1dF5gH0jS2aQ7e");
inline const std::string kGitlab = cat("glpat-", "Xk7Rm2Pq9Lv4Tn8Bc3Wy");
inline const std::string kSlack = cat("xoxb-", "2048163579-4096327158-Qm7Rk2Xp9Lv4Tn8B");
inline const std::string kSlackHook =
    cat("https://hooks.slack.com/services/", "T0A1B2C3D/B4E5F6G7H/Qm7Rk2Xp9Lv4Tn8Bc3Wy6Zd1");
inline const std::string kStripeLive = cat("sk_live_", "4eC39HqLyjWDarjtT1zdp7dc");
inline const std::string kStripeTest = cat("sk_test_", "9fK27MqPzxRbv3TnW8yLc4Ha");
inline const std::string kGoogle = cat("AIza", "SyB7mK2pX9qL4vT8nB3cW6yZ1dF5gH0jS2a");
inline const std::string kNpm = cat("npm_", "R7mK2pX9qL4vT8nB3cW6yZ1dF5gH0jS2aQ7e");
inline const std::string kSendgrid =
    cat("SG.", "Qm7Rk2Xp9Lv4Tn8Bc3Wy6Z.d1F5gH0jS2aQ7eR7mK2pX9qL4vT8nB3cW");
inline const std::string kOpenAi = cat("sk-proj-", "Qm7Rk2Xp9Lv4Tn8Bc3Wy6Zd1F5gH0jS2aQ7e");
inline const std::string kJwt =
    cat("eyJhbGciOiJIUzI1NiJ9.", "eyJzdWIiOiJ0ZXN0LXVzZXIifQ.Xk7Rm2Pq9Lv4Tn8Bc3Wy6Zd");
inline const std::string kRandom = cat("Qm7Rk2Xp9Lv4", "Tn8Bc3Wy6Zd1F5gH");  // 28 random chars

}  // namespace ecsguard::secrets::testing
