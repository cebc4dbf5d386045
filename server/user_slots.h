// At most N things at a time per user: AWS calls made on a user's behalf
// (testing credentials, the permissions probe). Ten parallel "Test
// connection" clicks against an unreachable AWS held every HTTP worker for a
// minute; now each user has a few slots and the rest are told to wait.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace cloudpeek::server {

class UserSlots {
 public:
  explicit UserSlots(int per_user) : per_user_(per_user) {}

  struct Slot;
  // A slot held until the returned handle (and every copy of it) is gone;
  // nullptr when the user already holds all of theirs.
  std::shared_ptr<Slot> take(const std::string& user) {
    std::lock_guard lock(state_->mu);
    int& n = state_->held[user];
    if (n >= per_user_) return nullptr;
    ++n;
    return std::make_shared<Slot>(state_, user);
  }

 private:
  struct State {
    std::mutex mu;
    std::map<std::string, int> held;
  };

 public:
  struct Slot {
    Slot(std::shared_ptr<State> s, std::string u) : state(std::move(s)), user(std::move(u)) {}
    ~Slot() {
      std::lock_guard lock(state->mu);
      if (--state->held[user] <= 0) state->held.erase(user);
    }
    std::shared_ptr<State> state;
    std::string user;
  };

 private:
  int per_user_;
  std::shared_ptr<State> state_ = std::make_shared<State>();
};

}  // namespace cloudpeek::server
