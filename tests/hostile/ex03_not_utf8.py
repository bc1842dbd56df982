# HOSTILE: not UTF-8 (Latin-1 bytes in a comment and a string).
# café
def gradient_step(v, gradient, step_size):
    return "ÿ"
